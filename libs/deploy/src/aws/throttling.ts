import { isServerError, isThrottlingError, isTransientError } from '@smithy/core/retry';

type SdkError = Parameters<typeof isThrottlingError>[0];

/**
 * True when AWS asked us to slow down, as the SDK classifies it (throttling error codes, HTTP
 * 429, a modeled `throttling` trait). One exception: CloudFormation's LimitExceededException
 * means a quota is used up (too many stacks), which no amount of waiting fixes.
 */
export function isThrottle(error: unknown): boolean {
  if (!isErrorLike(error)) return false;
  return isThrottlingError(error) && error.name !== 'LimitExceededException';
}

/**
 * Failures worth retrying, as the SDK classifies them: the request may never have reached AWS
 * (connection refused, reset, name not resolved, timeout) or AWS failed (5xx).
 */
export function isTransient(error: unknown): boolean {
  if (!isErrorLike(error)) return false;
  return isTransientError(error) || isServerError(error) || isWrappedTransient(error);
}

/**
 * The SDK wraps what it does not take for an Error (as under jest, where Node's errors come from
 * another realm): "AWS SDK error wrapper for Error: connect ECONNREFUSED …". Only the message
 * keeps the error code then; the SDK still decides whether that code is transient.
 */
function isWrappedTransient(error: SdkError): boolean {
  const code = /^AWS SDK error wrapper for .*?\b(E[A-Z_]+)\b/.exec(error.message ?? '')?.[1];
  return code !== undefined && isTransientError({ name: 'Error', message: '', code } as SdkError);
}

function isErrorLike(error: unknown): error is SdkError {
  return typeof error === 'object' && error !== null;
}

/**
 * True when the SDK found no credentials to sign with (an `assume-role` target without base
 * credentials, an empty `default` chain): no retry will help until Gantry's environment changes.
 */
export function isCredentialsError(error: unknown): boolean {
  const e = error as { name?: string; message?: string } | undefined;
  return (
    e?.name === 'CredentialsProviderError' || /could not load credentials/i.test(e?.message ?? '')
  );
}

/**
 * "Full jitter" exponential back-off: a random delay up to base·2^attempt, capped, so many
 * workers throttled at once do not retry in lock-step.
 */
export function backoffDelayMs(
  attempt: number,
  random: () => number = Math.random,
  baseMs = 200,
  capMs = 20_000,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 16));
  return Math.max(baseMs / 2, Math.floor(random() * ceiling));
}
