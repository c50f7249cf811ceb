import IORedis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { deleteRedisPrefix } from './redis-prefix';

describe('deleteRedisPrefix (real Redis)', () => {
  const url = 'redis://127.0.0.1:6379';
  const redis = new IORedis(url);
  const id = randomBytes(4).toString('hex');
  afterAll(async () => {
    await redis.del(`test-keep-${id}:a`);
    await redis.quit();
  });

  it('deletes every key under the prefix and nothing else, however many there are', async () => {
    const prefix = `test-clear-${id}`;
    const keys = Array.from({ length: 1200 }, (_, i) => `${prefix}:deployments:${i}`);
    await redis.mset(...keys.flatMap((key) => [key, 'x']));
    await redis.set(`test-keep-${id}:a`, 'x');
    await redis.set(`${prefix}x:other`, 'x');

    expect(await deleteRedisPrefix(url, prefix)).toBe(1200);
    expect(await redis.keys(`${prefix}:*`)).toEqual([]);
    expect(await redis.get(`test-keep-${id}:a`)).toBe('x');
    expect(await redis.get(`${prefix}x:other`)).toBe('x');
    await redis.del(`${prefix}x:other`);
  });

  it('refuses a prefix that is not a test prefix', async () => {
    await expect(deleteRedisPrefix(url, 'gantry')).rejects.toThrow(/not a test prefix/);
  });
});
