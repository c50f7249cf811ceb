import type { Redis } from 'ioredis';
import { unavailableDependency } from '@gantry/domain';

/** How long to wait before asking an unavailable Redis again. */
const REDIS_UNAVAILABLE_PAUSE_MS = 500;

/**
 * Token bucket in Redis, refilled at `rate` tokens per second up to `burst`, using Redis's own
 * clock so every worker process shares one bucket per key. Returns 0 when a token was taken,
 * else the milliseconds to wait before asking again.
 */
const TAKE_TOKEN = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + (now - at) * rate / 1000)
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
else
  wait = math.ceil((1 - tokens) * 1000 / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
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
   * Waits until the bucket for `key` grants a request. While Redis is unavailable it waits for
   * Redis too: an outage slows AWS calls down, it never fails them (nor the deployment).
   */
  async acquire(key: string): Promise<void> {
    for (;;) {
      const wait = await this.takeToken(key).catch((error: unknown) => {
        if (!unavailableDependency(error)) throw error;
        return REDIS_UNAVAILABLE_PAUSE_MS;
      });
      if (wait <= 0) return;
      await this.sleep(wait + Math.floor(Math.random() * 10));
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
