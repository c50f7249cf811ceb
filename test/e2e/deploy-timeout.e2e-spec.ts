import { deployClient } from '../support/deploy-client';
import { eventually, PlatformHarness, startPlatform } from '../support/platform-harness';
import { seedPlatform } from '../support/seed';

/**
 * The deployment timeout, on a platform whose timeout is 3 s, and a cancel that comes too late.
 * Time scale 0.08: a service update takes about 2 s, a `slow` one about 5 s from the change
 * set's execution.
 */
describe('deployments timed out or cancelled mid-update', () => {
  let platform: PlatformHarness;
  let client: ReturnType<typeof deployClient>;

  beforeAll(async () => {
    platform = await startPlatform('deploytimeout', {
      timeScale: 0.08,
      env: { DEPLOYMENT_TIMEOUT_SECONDS: '3' },
    });
    client = deployClient(platform);
    await seedPlatform(platform.api, { project: 'late' });
    await seedPlatform(platform.api, { project: 'tardy' });
  });
  afterAll(() => platform.close());

  const releaseToDev = async (version: string, web: string, project = 'late') => {
    const release = await client.createRelease(project, version, web);
    return client.finished((await client.onlyOf(project, 'dev', release.id)).id);
  };

  it('fails with "Timed out", sends CancelUpdateStack, and leaves the previous release running', async () => {
    const good = await releaseToDev('1.0.0', '1.0.0');
    expect(good.status).toBe('succeeded');

    const late = await releaseToDev('1.1.0', '1.1.0-slow');
    expect(late.status).toBe('failed');
    expect(late.error).toMatch(/^Timed out after 3 s\. UPDATE_ROLLBACK_COMPLETE/);
    expect(late.targets[0].status).toBe('failed');
    const log = (await client.log(late.id)).join('\n');
    expect(log).toMatch(/Timed out after 3 s: CancelUpdateStack sent/);
    expect(log).toMatch(/gantry-late-dev AWS::CloudFormation::Stack UPDATE_ROLLBACK_COMPLETE/);

    const state = await client.sandboxState();
    expect(state.requestCounts['cloudformation:CancelUpdateStack']).toBe(1);
    expect(state.stacks.find((stack) => stack.stackName === 'gantry-late-dev')?.status).toBe(
      'UPDATE_ROLLBACK_COMPLETE',
    );
    const { primary } = await client.service('gantry-late-dev');
    expect(primary).toMatchObject({
      taskDefinition: good.targets[0].outputs?.TaskDefinitionArn,
      rolloutState: 'COMPLETED',
    });
  });

  it('follows an update to its end when CancelUpdateStack comes too late (held back by throttling)', async () => {
    const good = await releaseToDev('1.0.0', '1.0.0', 'tardy');
    expect(good.status).toBe('succeeded');
    // Throttle CancelUpdateStack alone, far below one request a second, from before the
    // deployment starts: the worker's call keeps being throttled until the update has completed;
    // then it reaches CloudFormation, which refuses it. The `slow` update (about 5 s) outlasts
    // the 3 s timeout, so the worker tries to cancel even if the cancel request reaches it late.
    platform.sandbox.setThrottle(0.001, ['cloudformation:CancelUpdateStack']);
    let deployment: { id: string };
    try {
      const release = await client.createRelease('tardy', '1.1.0', '1.1.0-slow');
      deployment = await client.onlyOf('tardy', 'dev', release.id);
      await eventually(
        async () =>
          (await client.stack('gantry-tardy-dev'))?.status === 'UPDATE_IN_PROGRESS'
            ? true
            : undefined,
        15_000,
        'the stack to be UPDATE_IN_PROGRESS',
      );
      await platform.api.post(`/api/deployments/${deployment.id}/cancel`).expect(202);
      await eventually(
        async () =>
          (await client.stack('gantry-tardy-dev'))?.status === 'UPDATE_COMPLETE' ? true : undefined,
        20_000,
        'the update to complete',
      );
    } finally {
      platform.sandbox.setThrottle(0);
    }

    const done = await client.finished(deployment.id);
    expect(done.error ?? null).toBeNull();
    expect(done.status).toBe('succeeded');
    const log = (await client.log(deployment.id)).join('\n');
    expect(log).toMatch(/CancelUpdateStack came too late/);
    expect(log).toMatch(/gantry-tardy-dev AWS::CloudFormation::Stack UPDATE_COMPLETE/);
    const { primary } = await client.service('gantry-tardy-dev');
    expect(primary?.taskDefinition).toBe(done.targets[0].outputs?.TaskDefinitionArn);
    expect(primary?.taskDefinition).not.toBe(good.targets[0].outputs?.TaskDefinitionArn);
  });
});
