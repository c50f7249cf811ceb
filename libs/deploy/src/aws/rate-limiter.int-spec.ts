import IORedis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { deleteRedisPrefix } from '@gantry/testing';
import { RedisRateLimiter } from './rate-limiter';

describe('RedisRateLimiter (real Redis)', () => {
  const redis = new IORedis('redis://127.0.0.1:6379');
  const prefix = `test-ratelimit-${randomBytes(4).toString('hex')}`;
  afterAll(async () => {
    await deleteRedisPrefix('redis://127.0.0.1:6379', prefix);
    await redis.quit();
  });

  it('grants the burst at once, then paces requests across limiter instances sharing Redis', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
      await new Promise((resolve) => setTimeout(resolve, ms));
    };
    const a = new RedisRateLimiter(redis, prefix, { perSecond: 20, burst: 5 }, sleep);
    const b = new RedisRateLimiter(redis, prefix, { perSecond: 20, burst: 5 }, sleep);
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 15 }, (_, i) => (i % 2 ? a : b).acquire('cfn|eu-west-1')),
    );
    const elapsed = Date.now() - started;
    // 5 at once, the other 10 at 20/s: about half a second, and never all at once.
    expect(waits.length).toBeGreaterThan(0);
    expect(elapsed).toBeGreaterThanOrEqual(400);
  });

  it('keeps separate buckets per key', async () => {
    const sleeps: number[] = [];
    const limiter = new RedisRateLimiter(redis, prefix, { perSecond: 1, burst: 2 }, async (ms) => {
      sleeps.push(ms);
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
    await limiter.acquire('one');
    await limiter.acquire('two');
    await limiter.acquire('three');
    expect(sleeps).toEqual([]);
  });
});
