import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { deleteRedisPrefix } from '@gantry/testing';
import { AuthFailureLimiter } from './auth-failures';

const REDIS_URL = 'redis://127.0.0.1:6379';

describe('AuthFailureLimiter (Redis)', () => {
  const prefix = `test-auth-failures-${randomBytes(3).toString('hex')}`;
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    redis.disconnect();
    await deleteRedisPrefix(REDIS_URL, prefix);
  });

  it('limits one key failing from one address, leaving other keys and addresses alone', async () => {
    const limiter = new AuthFailureLimiter(redis, prefix, {
      perKey: 3,
      perAddress: 50,
      windowMs: 60_000,
    });
    for (let i = 0; i < 3; i++) {
      expect(await limiter.retryAfterSeconds('10.0.0.1', 'guessed-key')).toBe(0);
      await limiter.recordFailure('10.0.0.1', 'guessed-key');
    }
    expect(await limiter.retryAfterSeconds('10.0.0.1', 'guessed-key')).toBe(60);
    expect(await limiter.retryAfterSeconds('10.0.0.1', 'another-key')).toBe(0);
    expect(await limiter.retryAfterSeconds('10.0.0.2', 'guessed-key')).toBe(0);
  });

  it('limits a whole address once it sent many different bad keys', async () => {
    const limiter = new AuthFailureLimiter(redis, prefix, {
      perKey: 3,
      perAddress: 5,
      windowMs: 2_000,
    });
    for (let i = 0; i < 5; i++) await limiter.recordFailure('10.0.0.3', `key-${i}-abcdefgh`);
    expect(await limiter.retryAfterSeconds('10.0.0.3', 'valid-key-xyz')).toBe(2);
  });
});
