import Redis from 'ioredis';

/**
 * Deletes every key under a test's queue prefix (its BullMQ queue and rate-limiter buckets), so
 * test runs on a long-lived Redis leave nothing behind.
 */
export async function deleteRedisPrefix(redisUrl: string, prefix: string): Promise<number> {
  if (!prefix.startsWith('test-'))
    throw new Error(`Refusing to clear ${prefix}: not a test prefix`);
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  await redis.connect();
  let deleted = 0;
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 })) {
      if ((keys as string[]).length) deleted += await redis.unlink(...(keys as string[]));
    }
  } finally {
    redis.disconnect();
  }
  return deleted;
}
