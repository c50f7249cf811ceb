import { deployClient } from '../support/deploy-client';
import { eventually, PlatformHarness, startPlatform } from '../support/platform-harness';
import { seedPlatform } from '../support/seed';

/**
 * Failure and cancel paths of the worker against the sandbox. Time scale 0.03: a service update
 * takes about 1 s and a `slow` one about 2 s, long enough to cancel it mid-update.
 */
describe('deployments that fail or are cancelled', () => {
  let platform: PlatformHarness;
  let client: ReturnType<typeof deployClient>;

  beforeAll(async () => {
    platform = await startPlatform('deployfail', { timeScale: 0.03 });
    client = deployClient(platform);
    for (const project of ['pulls', 'fresh', 'queue', 'halt', 'crashpull'])
      await seedPlatform(platform.api, { project });
  });
  afterAll(() => platform.close());

  /** Creates a release and waits for its automatic deployment to dev. */
  const releaseToDev = async (project: string, version: string, web: string) => {
    const release = await client.createRelease(project, version, web);
    const deployment = await client.onlyOf(project, 'dev', release.id);
    return { release, deployment };
  };

  it('fails an image that cannot be pulled, names CannotPullContainerError, and keeps the previous release running', async () => {
    const good = await client.finished(
      (await releaseToDev('pulls', '1.0.0', '1.0.0')).deployment.id,
    );
    expect(good.status).toBe('succeeded');

    const failed = await client.finished(
      (await releaseToDev('pulls', '1.1.0', '1.1.0-pull-error')).deployment.id,
    );
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(
      /^UPDATE_ROLLBACK_COMPLETE: \d+ task\(s\) stopped: CannotPullContainerError/,
    );
    expect(failed.errorDetails).toMatch(/^Task \w+ TaskFailedToStart: CannotPullContainerError/m);
    expect(failed.targets[0].status).toBe('failed');
    // The update's log holds its own operation's events, none of the create just before it.
    const events = (await client.log(failed.id)).filter((line) =>
      / AWS::[\w:]+ [A-Z_]+/.test(line),
    );
    // Every line of a step on a target starts with [<step>/<target>].
    expect(events[0]).toBe(
      '[service/pulls-sandbox] gantry-pulls-dev AWS::CloudFormation::Stack UPDATE_IN_PROGRESS: User Initiated',
    );
    expect(events.at(-1)).toBe(
      '[service/pulls-sandbox] gantry-pulls-dev AWS::CloudFormation::Stack UPDATE_ROLLBACK_COMPLETE',
    );
    expect(events.filter((line) => /CREATE_COMPLETE/.test(line))).toEqual([]);

    expect((await client.stack('gantry-pulls-dev'))?.status).toBe('UPDATE_ROLLBACK_COMPLETE');
    const { service, primary } = await client.service('gantry-pulls-dev');
    expect(primary).toMatchObject({
      taskDefinition: good.targets[0].outputs?.TaskDefinitionArn,
      rolloutState: 'COMPLETED',
      runningCount: 1,
    });
    expect(service?.taskDefinition).toBe(good.targets[0].outputs?.TaskDefinitionArn);
  });

  it('reports the pull error of a pull-error release after a crash release, not the crash', async () => {
    const good = await client.finished(
      (await releaseToDev('crashpull', '1.0.0', '1.0.0')).deployment.id,
    );
    expect(good.status).toBe('succeeded');
    const crash = await client.finished(
      (await releaseToDev('crashpull', '1.1.0', '1.1.0-crash')).deployment.id,
    );
    expect(crash.status).toBe('failed');
    expect(crash.error).toMatch(
      /task\(s\) stopped: Essential container in task exited \(web exit code 1\)/,
    );

    const pull = await client.finished(
      (await releaseToDev('crashpull', '1.2.0', '1.2.0-pull-error')).deployment.id,
    );
    expect(pull.status).toBe('failed');
    expect(pull.error).toMatch(
      /^UPDATE_ROLLBACK_COMPLETE: [3-9] task\(s\) stopped: CannotPullContainerError/,
    );
    expect(pull.error).not.toMatch(/exit code 1|Essential container/);
    expect(pull.error!.length).toBeLessThanOrEqual(200);
    const details = pull.errorDetails!.split('\n');
    expect(
      details.filter((line) => /^Task \w+ TaskFailedToStart: CannotPullContainerError/.test(line))
        .length,
    ).toBeGreaterThanOrEqual(3);
    expect(details.filter((line) => /EssentialContainerExited|exit code 1/.test(line))).toEqual([]);
    expect(details.filter((line) => line.startsWith('Service event: ')).join('\n')).not.toMatch(
      /has reached a steady state/,
    );
    expect(pull.targets[0].errorDetails).toBe(pull.errorDetails);
    // The log says it once, short.
    const failures = (await client.log(pull.id)).filter((line) =>
      /CannotPullContainerError/.test(line),
    );
    expect(failures).toEqual([`[service/crashpull-sandbox] gantry-crashpull-dev: ${pull.error}`]);
  });

  it('fails a first deployment (ROLLBACK_COMPLETE), then deletes that stack and creates it with a good release', async () => {
    const bad = await client.finished(
      (await releaseToDev('fresh', '1.0.0', '1.0.0-crash')).deployment.id,
    );
    expect(bad.status).toBe('failed');
    expect(bad.error).toMatch(/ROLLBACK_COMPLETE/);
    expect(bad.error).not.toMatch(/UPDATE_ROLLBACK_COMPLETE/);
    expect(bad.error).toMatch(/exit code 1|Circuit Breaker/i);
    expect((await client.stack('gantry-fresh-dev'))?.status).toBe('ROLLBACK_COMPLETE');

    const good = await client.finished(
      (await releaseToDev('fresh', '1.0.1', '1.0.1')).deployment.id,
    );
    expect(good.status).toBe('succeeded');
    const log = (await client.log(good.id)).join('\n');
    expect(log).toMatch(/gantry-fresh-dev is ROLLBACK_COMPLETE .*deleting it/);
    expect(log).toMatch(/gantry-fresh-dev AWS::CloudFormation::Stack CREATE_COMPLETE/);

    const state = await client.sandboxState();
    const stacks = state.stacks
      .filter((stack) => stack.stackName === 'gantry-fresh-dev')
      .map((stack) => stack.status);
    expect(stacks).toEqual(['DELETE_COMPLETE', 'CREATE_COMPLETE']);
    const { primary } = await client.service('gantry-fresh-dev');
    expect(primary).toMatchObject({
      taskDefinition: good.targets[0].outputs?.TaskDefinitionArn,
      rolloutState: 'COMPLETED',
      runningCount: 1,
    });
  });

  it('cancels a queued deployment at once; it never starts, and the stack takes the next one', async () => {
    await client.finished((await releaseToDev('queue', '1.0.0', '1.0.0')).deployment.id);
    const running = await releaseToDev('queue', '1.1.0', '1.1.0-slow');
    const waiting = await releaseToDev('queue', '1.2.0', '1.2.0');
    expect(waiting.deployment.status).toBe('queued');

    const cancel = await platform.api
      .post(`/api/deployments/${waiting.deployment.id}/cancel`)
      .expect(202);
    expect(cancel.body.status).toBe('cancelled');
    expect(cancel.body.finishedAt).toEqual(expect.any(String));

    const first = await client.finished(running.deployment.id);
    expect(first.status).toBe('succeeded');
    const cancelled = await client.get(waiting.deployment.id);
    expect(cancelled).toMatchObject({ status: 'cancelled' });
    expect(cancelled.startedAt ?? null).toBeNull();
    expect(await client.log(cancelled.id)).toEqual([]);
    await platform.api.post(`/api/deployments/${cancelled.id}/cancel`).expect(409);

    const again = await client.deploy(waiting.release.id, { environment: 'dev' });
    const next = await client.finished(again[0].id);
    expect(next.status).toBe('succeeded');
    expect(next.targets[0].outputs?.TaskDefinitionArn).not.toBe(
      first.targets[0].outputs?.TaskDefinitionArn,
    );
  });

  it('cancels a running deployment mid-update: CancelUpdateStack, UPDATE_ROLLBACK_COMPLETE, previous release kept', async () => {
    const good = await client.finished(
      (await releaseToDev('halt', '1.0.0', '1.0.0')).deployment.id,
    );
    const { deployment } = await releaseToDev('halt', '1.1.0', '1.1.0-slow');
    await eventually(
      async () =>
        (await client.stack('gantry-halt-dev'))?.status === 'UPDATE_IN_PROGRESS' ? true : undefined,
      10_000,
      'the stack to be UPDATE_IN_PROGRESS',
    );
    const cancel = await platform.api.post(`/api/deployments/${deployment.id}/cancel`).expect(202);
    expect(cancel.body.status).toBe('running');

    const cancelled = await client.finished(deployment.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.error).toBe(
      'Cancelled: gantry-halt-dev rolled back to its previous template (UPDATE_ROLLBACK_COMPLETE).',
    );
    expect(cancelled.targets[0].status).toBe('cancelled');
    expect((await client.log(deployment.id)).join('\n')).toMatch(/CancelUpdateStack sent/);

    const state = await client.sandboxState();
    expect(state.requestCounts['cloudformation:CancelUpdateStack']).toBe(1);
    expect(state.stacks.find((stack) => stack.stackName === 'gantry-halt-dev')?.status).toBe(
      'UPDATE_ROLLBACK_COMPLETE',
    );
    const { primary } = await client.service('gantry-halt-dev');
    expect(primary).toMatchObject({
      taskDefinition: good.targets[0].outputs?.TaskDefinitionArn,
      rolloutState: 'COMPLETED',
      runningCount: 1,
    });
  });
});
