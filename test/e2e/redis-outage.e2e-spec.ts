import { PrivateRedis, startPrivateRedis } from '@gantry/testing';
import { deployClient, DeploymentView } from '../support/deploy-client';
import { PlatformHarness, startPlatform } from '../support/platform-harness';
import { seedPlatform } from '../support/seed';

const TENANTS = Array.from({ length: 12 }, (_, i) => `t${String(i + 1).padStart(2, '0')}`);

/**
 * Redis (a private instance) is killed and started again three times while a release fans out
 * to twelve tenants: Redis being away is no reason for a deployment to fail.
 */
describe('Redis outages during a fan-out', () => {
  let redis: PrivateRedis;
  let platform: PlatformHarness;
  let client: ReturnType<typeof deployClient>;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    platform = await startPlatform('redis-outage', {
      timeScale: 0.3,
      env: { REDIS_URL: redis.url },
    });
    client = deployClient(platform);
    await seedPlatform(platform.api, { project: 'fleet', tenancy: 'tenanted' });
    for (const name of TENANTS) {
      await platform.api
        .post('/api/tenants', { name, projects: [{ project: 'fleet', environments: ['dev'] }] })
        .expect(201);
    }
  });
  afterAll(async () => {
    await redis.start().catch(() => undefined);
    await platform.close();
    await redis.close();
  }, 60_000);

  it('ends every deployment succeeded, in agreement with the stacks', async () => {
    const release = await client.createRelease('fleet', '2.0.0', '2.0.0');
    const deployments = await client.ofRelease('fleet', 'dev', release.id);
    expect(deployments).toHaveLength(TENANTS.length);
    const statuses = async () =>
      Promise.all(deployments.map(async (d) => (await client.get(d.id)).status));

    // The outages begin once deployments run, last 3 s each, 1 s apart; at this time scale a
    // deployment outlasts them. Deployments that end sooner must still end succeeded.
    await waitFor(async () => (await statuses()).includes('running'));
    for (let outage = 0; outage < 3; outage++) {
      await redis.kill();
      await pause(3000);
      await redis.start();
      await pause(1000);
    }

    const done: DeploymentView[] = await Promise.all(
      deployments.map((d) => client.finished(d.id, 120_000)),
    );
    expect(
      done.filter((d) => d.status !== 'succeeded').map((d) => `${d.tenant?.slug}: ${d.error}`),
    ).toEqual([]);
    const state = await client.sandboxState();
    for (const deployment of done) {
      const [target] = deployment.targets;
      const stack = state.stacks.find((s) => s.stackName === target.stackName);
      expect(stack?.status).toMatch(/^(CREATE|UPDATE)_COMPLETE$/);
      const { primary } = await client.service(target.stackName);
      expect(primary?.taskDefinition).toBe(target.outputs?.TaskDefinitionArn);
      expect(primary?.rolloutState).toBe('COMPLETED');
    }
    const counted = await platform.api.db.dataSource.query(
      'SELECT worker_errors FROM deployments WHERE id = ANY($1)',
      [done.map((d) => d.id)],
    );
    expect(counted.map((row: { worker_errors: number }) => row.worker_errors)).toEqual(
      done.map(() => 0),
    );
    for (const deployment of done) {
      const log = await client.log(deployment.id);
      expect(log.filter((line) => /^Deployment (succeeded|failed|cancelled)\./.test(line))).toEqual(
        ['Deployment succeeded.'],
      );
      expect(log.at(-1)).toBe('Deployment succeeded.');
    }
  }, 180_000);
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for running deployments');
    await pause(100);
  }
}
