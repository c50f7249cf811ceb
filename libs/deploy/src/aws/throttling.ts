/** Error names AWS uses for "slow down"; none of them means the request was wrong. */
const THROTTLE_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'SlowDown',
]);

interface AwsLikeError {
  name?: string;
  Code?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

/** True when AWS asked us to slow down (by code, or `Rate exceeded` on a 400/429). */
export function isThrottle(error: unknown): boolean {
  const e = error as AwsLikeError | undefined;
  if (!e) return false;
  if ([e.name, e.Code, e.code].some((code) => code !== undefined && THROTTLE_CODES.has(code)))
    return true;
  const status = e.$metadata?.httpStatusCode;
  return (status === 429 || status === 400) && /rate exceeded/i.test(e.message ?? '');
}

/** Failures worth retrying: the request may never have reached AWS, or AWS failed (5xx). */
export function isTransient(error: unknown): boolean {
  const e = error as (AwsLikeError & { code?: string }) | undefined;
  if (!e) return false;
  const status = e.$metadata?.httpStatusCode ?? 0;
  return (
    status >= 500 ||
    NETWORK_ERRORS.has(e.code ?? '') ||
    NETWORK_ERRORS.has(e.name ?? '') ||
    // The SDK wraps what it does not take for an Error ("AWS SDK error wrapper for Error: connect
    // ECONNREFUSED …", as under jest), and then the code survives only in the message.
    NETWORK_CODE_IN_MESSAGE.test(e.message ?? '')
  );
}

/** Errors of the connection itself: a name that does not resolve, a refused or lost connection. */
const NETWORK_ERRORS = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'TimeoutError',
  'RequestTimeout',
]);
const NETWORK_CODE_IN_MESSAGE =
  /\b(ECONNRESET|ECONNREFUSED|ECONNABORTED|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)\b/;

/**
 * True when the SDK found no credentials to sign with (an `assume-role` target without base
 * credentials, an empty `default` chain): no retry will help until Gantry's environment changes.
 */
export function isCredentialsError(error: unknown): boolean {
  const e = error as AwsLikeError | undefined;
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
