import { DeleteClusterCommand, ECSClient } from '@aws-sdk/client-ecs';
import { deployClient } from '../support/deploy-client';
import { PlatformHarness, startPlatform } from '../support/platform-harness';
import { seedPlatform } from '../support/seed';

/** A deployment checks its cluster (DescribeClusters) before it creates any change set. */
describe('cluster preflight', () => {
  let platform: PlatformHarness;
  let client: ReturnType<typeof deployClient>;

  beforeAll(async () => {
    platform = await startPlatform('preflight', { timeScale: 0.02 });
    client = deployClient(platform);
    await seedPlatform(platform.api, { project: 'gone' });
  });
  afterAll(() => platform.close());

  it('fails a deployment to a cluster that no longer exists before any change set', async () => {
    const ecs = new ECSClient({
      endpoint: platform.sandbox.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    await ecs.send(new DeleteClusterCommand({ cluster: 'gone-cluster' }));
    ecs.destroy();

    const release = await client.createRelease('gone', '1.0.0', '1.0.0');
    const failed = await client.finished((await client.onlyOf('gone', 'dev', release.id)).id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/^ECS cluster 'gone-cluster' .*nothing was changed/);
    const state = await client.sandboxState();
    expect(state.requestCounts['cloudformation:CreateChangeSet'] ?? 0).toBe(0);
    expect(state.requestCounts['ecs:DescribeClusters']).toBeGreaterThan(0);
  });
});
