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

/** One shared limiter per (AWS endpoint or account, region): a fan-out slows down instead of being throttled. */
export class RedisRateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limit: RateLimit,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /**
   * Takes a token from the bucket for `key`, sleeping until it is due: one Redis call per grant.
   * While Redis is unavailable it waits for Redis: an outage slows AWS calls down, it never fails
   * them (nor the deployment).
   */
  async acquire(key: string): Promise<void> {
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
