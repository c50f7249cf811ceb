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

/** Network-level failures worth retrying: the request may never have reached AWS. */
export function isTransient(error: unknown): boolean {
  const e = error as (AwsLikeError & { code?: string }) | undefined;
  if (!e) return false;
  const status = e.$metadata?.httpStatusCode ?? 0;
  return (
    status >= 500 ||
    ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'TimeoutError', 'RequestTimeout'].includes(
      e.code ?? e.name ?? '',
    )
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
