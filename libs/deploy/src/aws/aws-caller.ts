import { DomainError } from '@gantry/domain';
import { backoffDelayMs, isThrottle, isTransient } from './throttling';
import type { RedisRateLimiter } from './rate-limiter';

export interface CallObserver {
  /** Told about every AWS call attempt, and about each throttle, for logs and benchmarks. */
  onCall?(action: string): void;
  onThrottle?(action: string, attempt: number, delayMs: number): void;
}

/** Per-call options: a deployment hears when its target stops answering; a probe does not wait. */
export interface CallOptions {
  /** The first failure of a streak of network failures (or AWS 5xx) of one call. */
  onUnreachable?(action: string, reason: string, retryForSeconds: number): Promise<void> | void;
  /** Overrides the caller's `unreachableSeconds` (0: give up at the first network failure). */
  unreachableSeconds?: number;
  /**
   * When the deployment making the call started: while calls wait for the rate limit, an older
   * deployment's go first (default: the call queues as of when it is made).
   */
  since?: number;
  /**
   * The call only follows an operation already running (its status, events, service): it gives
   * way to calls that start operations for up to `FOLLOW_UP_GRACE_MS`.
   */
  followUp?: boolean;
}

/**
 * How long a follow-up call may wait behind calls that start stack operations. An operation not
 * started yet delays its deployment by all of its run time; a follow-up waiting delays its
 * deployment's end by no more than its own wait, and the operations it follows run meanwhile.
 */
export const FOLLOW_UP_GRACE_MS = 15_000;

/** Where a call queues for the rate limit among this process's calls: the earliest goes first. */
export function queuedAt(options: CallOptions, now: number): number {
  if (options.followUp) return now + FOLLOW_UP_GRACE_MS;
  return Math.min(now, options.since ?? now);
}

export interface AwsCallerOptions {
  /** How long one call keeps retrying network failures before the deployment gives up. */
  unreachableSeconds: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/**
 * Every AWS call goes through here: it waits for the shared rate limiter, retries throttling
 * forever with jittered back-off (a throttle never fails a deployment), and retries network
 * failures and AWS 5xx for up to `unreachableSeconds`, then throws `aws_unreachable`, so a target
 * nobody can reach fails its deployment with the reason instead of being retried forever.
 * Any other error is the caller's to handle.
 */
export class AwsCaller {
  private readonly unreachableMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(
    private readonly limiter: RedisRateLimiter,
    private readonly observer: CallObserver = {},
    options: AwsCallerOptions = { unreachableSeconds: 300 },
  ) {
    this.unreachableMs = options.unreachableSeconds * 1000;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
  }

  async call<T>(
    limiterKey: string,
    action: string,
    send: () => Promise<T>,
    options: CallOptions = {},
  ): Promise<T> {
    const budgetMs =
      options.unreachableSeconds === undefined
        ? this.unreachableMs
        : options.unreachableSeconds * 1000;
    let unreachableSince: number | null = null;
    for (let attempt = 0, failures = 0; ; attempt++) {
      await this.limiter.acquire(limiterKey, queuedAt(options, this.now()));
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
        if (!isTransient(error)) throw error;
        const reason = reasonOf(error);
        unreachableSince ??= this.now();
        const waited = this.now() - unreachableSince;
        if (waited >= budgetMs) throw unreachable(action, reason, waited);
        if (failures === 0) await options.onUnreachable?.(action, reason, budgetMs / 1000);
        failures += 1;
        await this.sleep(Math.min(backoffDelayMs(failures), budgetMs - waited));
      }
    }
  }
}

function unreachable(action: string, reason: string, waitedMs: number): DomainError {
  const how =
    waitedMs < 1000
      ? `${action} failed: ${reason}.`
      : `${action} failed for ${Math.round(waitedMs / 1000)} s, the last time with: ${reason}.`;
  return new DomainError(
    'aws_unreachable',
    `${how} Is the target's region, endpoint or network right?`,
  );
}

function reasonOf(error: unknown): string {
  const e = error as { name?: string; code?: string; message?: string };
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const what = e.message || e.code || e.name || 'unknown error';
  return status ? `HTTP ${status} ${e.name ?? ''}: ${what}`.replace('  ', ' ') : what;
}
