import { backoffDelayMs, isThrottle, isTransient } from './throttling';
import type { RedisRateLimiter } from './rate-limiter';

const MAX_TRANSIENT_RETRIES = 5;

export interface CallObserver {
  /** Told about every AWS call attempt, and about each throttle, for logs and benchmarks. */
  onCall?(action: string): void;
  onThrottle?(action: string, attempt: number, delayMs: number): void;
}

/**
 * Every AWS call goes through here: it waits for the shared rate limiter, retries throttling
 * forever with jittered back-off (a throttle never fails a deployment), and retries network
 * failures a few times. Any other error is the caller's to handle.
 */
export class AwsCaller {
  constructor(
    private readonly limiter: RedisRateLimiter,
    private readonly observer: CallObserver = {},
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  async call<T>(limiterKey: string, action: string, send: () => Promise<T>): Promise<T> {
    for (let attempt = 0, transient = 0; ; attempt++) {
      await this.limiter.acquire(limiterKey);
      this.observer.onCall?.(action);
      try {
        return await send();
      } catch (error) {
        if (isThrottle(error)) {
          const delay = backoffDelayMs(attempt);
          this.observer.onThrottle?.(action, attempt, delay);
          await this.sleep(delay);
          continue;
        }
        if (isTransient(error) && transient++ < MAX_TRANSIENT_RETRIES) {
          await this.sleep(backoffDelayMs(transient));
          continue;
        }
        throw error;
      }
    }
  }
}
