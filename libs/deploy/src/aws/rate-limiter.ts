import type { Redis } from 'ioredis';

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

  /** Waits until the bucket for `key` grants a request. */
  async acquire(key: string): Promise<void> {
    for (;;) {
      const wait = Number(
        await this.redis.eval(
          TAKE_TOKEN,
          1,
          `${this.prefix}:ratelimit:${key}`,
          this.limit.perSecond,
          this.limit.burst,
        ),
      );
      if (wait <= 0) return;
      await this.sleep(wait + Math.floor(Math.random() * 10));
    }
  }
}
