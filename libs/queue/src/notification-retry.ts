/**
 * How many attempts fit in `windowMs` when the delay before attempt n+1 is
 * `min(baseMs * 2^(n-1), maxDelayMs)`: exponential back-off that gives up after about a day.
 */
export function retryAttempts(baseMs: number, maxDelayMs: number, windowMs: number): number {
  let attempts = 1;
  let elapsed = 0;
  for (;;) {
    const delay = retryDelay(attempts, baseMs, maxDelayMs);
    if (elapsed + delay > windowMs) return attempts;
    elapsed += delay;
    attempts += 1;
  }
}

/** The wait after the `attemptsMade`-th failed attempt. */
export function retryDelay(attemptsMade: number, baseMs: number, maxDelayMs: number): number {
  return Math.min(baseMs * 2 ** Math.min(attemptsMade - 1, 40), maxDelayMs);
}
