import type { Redis } from 'ioredis';
import { unavailableDependency } from '@gantry/domain';

/** How long to wait before asking an unavailable Redis again. */
const REDIS_UNAVAILABLE_PAUSE_MS = 500;

/**
 * Token bucket in Redis, refilled at `rate` tokens per second up to `burst`, using Redis's own
 * clock so every worker process shares one bucket per key. Every call takes a token, letting the
 * bucket go below zero: a negative count is the queue of callers already promised a later token.
 * Returns 0 when the token is there now, else the milliseconds until the caller's own token is
 * due, so it sleeps exactly that long and never asks again (callers are served in order).
 */
const TAKE_TOKEN = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + (now - at) * rate / 1000) - 1
local wait = 0
if tokens < 0 then
  wait = math.ceil(-tokens * 1000 / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'at', now)
redis.call('PEXPIRE', KEYS[1], wait + math.ceil(burst * 1000 / rate) + 1000)
return wait
`;

export interface RateLimit {
  perSecond: number;
  burst: number;
}

/** Tokens a process takes from the shared bucket ahead of handing them out: about a second's worth. */
const LOOKAHEAD_SECONDS = 1;

interface Waiter {
  queuedAt: number;
  seq: number;
  grant(): void;
  refuse(error: unknown): void;
}

/** This process's callers waiting for one bucket, and the tokens it has taken for them. */
interface LocalQueue {
  waiters: Waiter[];
  /** Tokens taken from the bucket and not handed out yet (never more than there are waiters). */
  reserved: number;
}

/**
 * One shared limiter per (AWS endpoint or account, region): a fan-out slows down instead of being
 * throttled. Across processes the Redis bucket serves callers in order. Within a process, the
 * limiter takes tokens for its waiting callers at most a second ahead, and hands each token, when
 * it is due, to the caller that queued earliest by its own account (`queuedAt`): so calls that
 * start a stack operation can go before calls that only follow one, without a second Redis call.
 */
export class RedisRateLimiter {
  private readonly queues = new Map<string, LocalQueue>();
  private readonly lookahead: number;
  private seq = 0;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limit: RateLimit,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    this.lookahead = Math.max(1, Math.ceil(limit.perSecond * LOOKAHEAD_SECONDS));
  }

  /**
   * Waits for a token from the bucket for `key`: one Redis call per grant. Of this process's
   * callers, the one with the earliest `queuedAt` (by default, when it asked) gets the next token.
   * While Redis is unavailable it waits for Redis: an outage slows AWS calls down, it never fails
   * them (nor the deployment).
   */
  acquire(key: string, queuedAt: number = Date.now()): Promise<void> {
    const queue = this.queues.get(key) ?? { waiters: [], reserved: 0 };
    this.queues.set(key, queue);
    return new Promise((grant, refuse) => {
      insert(queue.waiters, { queuedAt, seq: this.seq++, grant, refuse });
      this.reserve(key, queue);
    });
  }

  /** Takes tokens for the waiters that have none coming, up to the lookahead. */
  private reserve(key: string, queue: LocalQueue): void {
    while (queue.reserved < Math.min(queue.waiters.length, this.lookahead)) {
      queue.reserved += 1;
      void this.takeDueToken(key).then(
        () => this.handOut(key, queue, (waiter) => waiter.grant()),
        (error: unknown) => this.handOut(key, queue, (waiter) => waiter.refuse(error)),
      );
    }
  }

  private handOut(key: string, queue: LocalQueue, settle: (waiter: Waiter) => void): void {
    queue.reserved -= 1;
    settle(queue.waiters.shift() as Waiter);
    if (queue.waiters.length === 0 && queue.reserved === 0) this.queues.delete(key);
    else this.reserve(key, queue);
  }

  /** Takes a token (waiting for Redis while it is away), then sleeps until it is due. */
  private async takeDueToken(key: string): Promise<void> {
    for (;;) {
      const wait = await this.takeToken(key).catch((error: unknown) => {
        if (!unavailableDependency(error)) throw error;
        return null;
      });
      if (wait === null) {
        await this.sleep(REDIS_UNAVAILABLE_PAUSE_MS);
        continue;
      }
      if (wait > 0) await this.sleep(wait);
      return;
    }
  }

  private async takeToken(key: string): Promise<number> {
    return Number(
      await this.redis.eval(
        TAKE_TOKEN,
        1,
        `${this.prefix}:ratelimit:${key}`,
        this.limit.perSecond,
        this.limit.burst,
      ),
    );
  }
}

function earlier(a: Waiter, b: Waiter): boolean {
  return a.queuedAt < b.queuedAt || (a.queuedAt === b.queuedAt && a.seq < b.seq);
}

/** Keeps the waiters in the order they are served: earliest `queuedAt`, then first come. */
function insert(waiters: Waiter[], waiter: Waiter): void {
  let low = 0;
  let high = waiters.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (earlier(waiters[middle], waiter)) low = middle + 1;
    else high = middle;
  }
  waiters.splice(low, 0, waiter);
}
