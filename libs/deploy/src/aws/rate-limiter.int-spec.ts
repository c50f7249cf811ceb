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

  it('asks Redis once per grant and hands out due times in order, a token interval apart', async () => {
    const waits: number[] = [];
    const counted = new IORedis('redis://127.0.0.1:6379');
    let evals = 0;
    const evalOnce = counted.eval.bind(counted);
    counted.eval = ((...args: Parameters<typeof counted.eval>) => {
      evals += 1;
      return evalOnce(...args);
    }) as typeof counted.eval;
    const limiter = new RedisRateLimiter(
      counted,
      prefix,
      { perSecond: 100, burst: 4 },
      async (ms) => {
        waits.push(ms);
        await new Promise((resolve) => setTimeout(resolve, ms));
      },
    );
    for (let i = 0; i < 30; i += 1) await limiter.acquire('queue');
    await counted.quit();
    // Each caller waits at most for its own token, one interval, and never asks twice.
    expect(evals).toBe(30);
    expect(waits.every((ms) => ms > 0 && ms <= 10)).toBe(true);
  });

  it('queues concurrent callers: one Redis call each, the last granted no sooner than the rate allows', async () => {
    const counted = new IORedis('redis://127.0.0.1:6379');
    let evals = 0;
    const evalOnce = counted.eval.bind(counted);
    counted.eval = ((...args: Parameters<typeof counted.eval>) => {
      evals += 1;
      return evalOnce(...args);
    }) as typeof counted.eval;
    const due: number[] = [];
    const limiter = new RedisRateLimiter(
      counted,
      prefix,
      { perSecond: 50, burst: 5 },
      async (ms) => {
        due.push(Date.now() + ms);
        await new Promise((resolve) => setTimeout(resolve, ms));
      },
    );
    const started = Date.now();
    await Promise.all(Array.from({ length: 25 }, () => limiter.acquire('fan-out')));
    await counted.quit();
    expect(evals).toBe(25);
    // 5 at once, the other 20 promised tokens 20 ms apart.
    expect(Math.max(...due) - started).toBeGreaterThanOrEqual(380);
  });

  it('tells each queued caller the wait until its own token: the burst at once, then one interval more each', async () => {
    const waits: number[] = [];
    // The sleep only records: every caller asks at once and nobody waits, so the bucket's queue
    // of promised tokens is all there is to see.
    const limiter = new RedisRateLimiter(
      redis,
      prefix,
      { perSecond: 50, burst: 5 },
      async (ms) => void waits.push(ms),
    );
    const started = Date.now();
    for (let i = 0; i < 25; i += 1) await limiter.acquire('due-times');
    const elapsed = Date.now() - started;
    // The first 5 find a token (no sleep at all); the other 20 are promised one 20 ms apart,
    // but for a token that time passing between the calls refilled (a loaded machine).
    expect(waits.length).toBeLessThanOrEqual(20);
    expect(waits.length).toBeGreaterThanOrEqual(20 - Math.ceil(elapsed / 20));
    // Time passing between the calls refills the bucket a little: each wait is at most its place
    // in the queue times the interval, and short of it by no more than the time that passed.
    waits.forEach((ms, i) => {
      expect(ms).toBeLessThanOrEqual((i + 1) * 20);
      expect(ms).toBeGreaterThanOrEqual((i + 1) * 20 - elapsed - 1);
    });
  });

  it("hands each due token to this process's earliest-queued caller, still one Redis call per grant", async () => {
    const counted = new IORedis('redis://127.0.0.1:6379');
    let evals = 0;
    const evalOnce = counted.eval.bind(counted);
    counted.eval = ((...args: Parameters<typeof counted.eval>) => {
      evals += 1;
      return evalOnce(...args);
    }) as typeof counted.eval;
    const limiter = new RedisRateLimiter(counted, prefix, { perSecond: 10, burst: 1 });
    const granted: string[] = [];
    const ask = (name: string, queuedAt: number) =>
      limiter.acquire('priority', queuedAt).then(() => granted.push(name));
    await ask('first', 0); // the burst: the bucket is empty from here on
    // Callers late by their own account (follow-ups), then one that queued long before them:
    // tokens are taken for the first two, due 100 and 200 ms from now.
    const followUps = [ask('follow-1', 5000), ask('follow-2', 5001)];
    const starting = ask('start', 1000);
    await Promise.all([...followUps, starting]);
    await counted.quit();
    // Each token, when due, goes to the earliest-queued caller still waiting.
    expect(granted).toEqual(['first', 'start', 'follow-1', 'follow-2']);
    expect(evals).toBe(4);
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
