import { DeploymentQueue } from '@gantry/queue';
import { PrivateRedis, startPrivateRedis } from '@gantry/testing';
import { deployClient } from '../support/deploy-client';
import { PlatformHarness, startPlatform } from '../support/platform-harness';
import { seedPlatform } from '../support/seed';

/** A request that hangs fails the test here instead of at jest's timeout. */
const ANSWER_WITHIN = { response: 15_000, deadline: 20_000 };

/**
 * Redis (a private instance) is down while the API is asked for deployments: the API answers
 * 503 with Retry-After at once and writes nothing, instead of waiting for Redis; a deployment
 * written just before Redis went away is not lost, the reconciler hands it out when it is back.
 */
describe('Enqueueing while Redis is down', () => {
  let redis: PrivateRedis;
  let platform: PlatformHarness;
  let client: ReturnType<typeof deployClient>;
  let first: { id: string };
  const count = async (table: 'deployments' | 'releases'): Promise<number> =>
    Number((await platform.api.db.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    redis = await startPrivateRedis();
    platform = await startPlatform('enqueue-outage', { env: { REDIS_URL: redis.url } });
    client = deployClient(platform);
    await seedPlatform(platform.api, { project: 'shop' });
    first = await client.createRelease('shop', '1.0.0', '1.0.0');
    const dev = await client.finished((await client.onlyOf('shop', 'dev', first.id)).id);
    expect(dev.status).toBe('succeeded');
    await redis.kill();
  });
  afterAll(async () => {
    await redis.start().catch(() => undefined);
    await platform.close();
    await redis.close();
  }, 60_000);

  it('answers 503 problem+json with Retry-After for a deployment, and writes none', async () => {
    const before = await count('deployments');
    const response = await platform.api
      .post(`/api/releases/${first.id}/deployments`, { environment: 'test' })
      .timeout(ANSWER_WITHIN);
    expect(response.status).toBe(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(response.body).toMatchObject({ status: 503, detail: expect.stringContaining('Redis') });
    expect(await count('deployments')).toBe(before);
  });

  it('answers 503 for a release that opens automatic deployments, and writes neither', async () => {
    const [releases, deployments] = [await count('releases'), await count('deployments')];
    const response = await platform.api
      .post('/api/projects/shop/releases', {
        version: '1.1.0',
        images: { web: '1.1.0', worker: '1.0.0' },
      })
      .timeout(ANSWER_WITHIN);
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBeDefined();
    expect([await count('releases'), await count('deployments')]).toEqual([releases, deployments]);
  });

  it('keeps a deployment written as Redis went away; the reconciler hands it out when Redis is back', async () => {
    // Redis dies between the API's check and its enqueue: simulated by passing the check once.
    const queue = platform.api.app.get(DeploymentQueue);
    const check = jest.spyOn(queue, 'assertAvailable').mockResolvedValueOnce(undefined);
    const response = await platform.api
      .post(`/api/releases/${first.id}/deployments`, { environment: 'test' })
      .timeout(ANSWER_WITHIN);
    check.mockRestore();
    expect(response.status).toBe(202);
    const [deployment] = response.body.items as Array<{ id: string; status: string }>;
    expect(deployment.status).toBe('queued');

    await redis.start();
    const done = await client.finished(deployment.id, 60_000);
    expect(done.status).toBe('succeeded');
  });
});
