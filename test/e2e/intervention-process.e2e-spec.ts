import { deployClient } from '../support/deploy-client';
import { eventually, PlatformHarness, startPlatform } from '../support/platform-harness';
import { createApiKeys, deployStep, seedPlatform } from '../support/seed';

interface StepView {
  slug: string;
  status: string;
  reason?: string;
  error?: string;
  intervention?: { status: string; decidedBy?: string; whoMayDecide: string };
}

/**
 * A manual intervention inside a deployment process, run by the real worker: the deployment
 * waits before the service step touches AWS, holds no worker while it waits, and goes on, fails
 * or is cancelled by what people decide.
 */
describe('manual intervention step in a deployment process', () => {
  let platform: PlatformHarness;
  let client: ReturnType<typeof deployClient>;
  const keys: Record<string, string> = {};

  const as = (key: string) => ({
    post: (path: string, body?: unknown) =>
      platform.api
        .anonymous()
        .post(path)
        .set('Authorization', `Bearer ${keys[key]}`)
        .send(body as object),
  });

  /** A project whose process is: approval, then the service. */
  async function approvalProject(project: string): Promise<void> {
    await seedPlatform(platform.api, { project });
    await platform.api
      .patch(`/api/projects/${project}`, {
        steps: [
          {
            name: 'Approve',
            kind: 'manual-intervention',
            instructions: 'Check the **error rate** first.',
            approvers: { apiKeys: ['alice', 'ci'] },
            preventSelfApproval: true,
            timeoutMinutes: 30,
          },
          { name: 'Service', slug: 'service', kind: 'ecs-service', ...deployStep() },
        ],
      })
      .expect(200);
  }

  /** Release 1.0.0 of the project, created by `ci`; its automatic dev deployment once waiting. */
  async function waitingDeployment(project: string) {
    const release = await as('ci')
      .post(`/api/projects/${project}/releases`, {
        version: '1.0.0',
        images: { web: '1.0.0', worker: '1.0.0' },
      })
      .expect(201);
    const { id } = await client.onlyOf(project, 'dev', release.body.id);
    return eventually(
      async () => {
        const body = (await platform.api.get(`/api/deployments/${id}`).expect(200)).body;
        return body.status === 'waiting' ? body : undefined;
      },
      30_000,
      `deployment ${id} to wait`,
    );
  }

  const stepsOf = (deployment: { steps: StepView[] }) =>
    Object.fromEntries(deployment.steps.map((step) => [step.slug, step]));

  beforeAll(async () => {
    platform = await startPlatform('intervene-process');
    client = deployClient(platform);
    Object.assign(keys, await createApiKeys(platform.api, { alice: 'deployer', ci: 'deployer' }));
    for (const project of ['gated', 'refused', 'dropped', 'lapsed']) await approvalProject(project);
  });
  afterAll(() => platform.close());

  it('waits before the service step, past any lease, then an approval deploys the service', async () => {
    const waiting = await waitingDeployment('gated');
    const steps = stepsOf(waiting);
    expect(steps.approve).toMatchObject({
      status: 'running',
      intervention: { status: 'pending', whoMayDecide: "admins or the API keys 'alice', 'ci'" },
    });
    expect(steps.service.status).toBe('pending');
    expect(await client.stack('gantry-gated-dev')).toBeUndefined();

    // Longer than a lease (3 s here): nothing re-attaches to a waiting deployment, nothing fails it.
    const lines = (await client.log(waiting.id)).length;
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    expect((await client.get(waiting.id)).status).toBe('waiting');
    expect(await client.log(waiting.id)).toHaveLength(lines);

    await as('ci')
      .post(`/api/deployments/${waiting.id}/interventions/approve`, { decision: 'approve' })
      .expect(403);
    await as('alice')
      .post(`/api/deployments/${waiting.id}/interventions/approve`, {
        decision: 'approve',
        note: 'green',
      })
      .expect(200);

    const done = await client.finished(waiting.id, 60_000);
    expect(done.status).toBe('succeeded');
    const after = stepsOf(
      (await platform.api.get(`/api/deployments/${waiting.id}`).expect(200)).body,
    );
    expect(after.approve).toMatchObject({
      status: 'succeeded',
      intervention: { status: 'approved', decidedBy: 'alice' },
    });
    expect(after.service.status).toBe('succeeded');
    expect(await client.stack('gantry-gated-dev')).toMatchObject({ status: 'CREATE_COMPLETE' });
    const log = await client.log(waiting.id);
    expect(log).toContain("[approve] Manual intervention 'approve' approved by 'alice': green");
    expect(log.findIndex((line) => line.includes('approved by'))).toBeLessThan(
      log.findIndex((line) => line.startsWith('[service')),
    );
  });

  it('a rejection fails the deployment at the step; the service step never runs', async () => {
    const waiting = await waitingDeployment('refused');
    const rejected = await as('alice')
      .post(`/api/deployments/${waiting.id}/interventions/approve`, {
        decision: 'reject',
        note: 'not today',
      })
      .expect(200);
    expect(rejected.body).toMatchObject({
      status: 'failed',
      error: "Manual intervention 'approve' rejected by 'alice': not today",
    });
    const steps = stepsOf(rejected.body);
    expect(steps.approve).toMatchObject({
      status: 'failed',
      error: "Manual intervention 'approve' rejected by 'alice': not today",
    });
    expect(steps.service).toMatchObject({ status: 'skipped', reason: "step 'approve' failed" });
    expect(await client.stack('gantry-refused-dev')).toBeUndefined();
  });

  it('undecided past its timeout, the worker rejects it: the step fails, the service never runs', async () => {
    const waiting = await waitingDeployment('lapsed');
    // Thirty minutes pass: the deadline is moved instead of waited for.
    await platform.api.db.dataSource.query(
      `UPDATE deployment_interventions SET timeout_at = now() WHERE deployment_id = $1`,
      [waiting.id],
    );
    const failed = await client.finished(waiting.id);
    const error = "Manual intervention 'approve' timed out: no decision within 30 minutes.";
    expect(failed).toMatchObject({ status: 'failed', error });
    const steps = stepsOf((await platform.api.get(`/api/deployments/${waiting.id}`)).body);
    expect(steps.approve).toMatchObject({
      status: 'failed',
      error,
      intervention: { status: 'rejected' },
    });
    expect(steps.service).toMatchObject({ status: 'skipped', reason: "step 'approve' failed" });
    expect(await client.stack('gantry-lapsed-dev')).toBeUndefined();
  });

  it('a cancel while waiting cancels the step and skips the rest', async () => {
    const waiting = await waitingDeployment('dropped');
    const cancelled = await as('alice').post(`/api/deployments/${waiting.id}/cancel`).expect(202);
    expect(cancelled.body.status).toBe('cancelled');
    const steps = stepsOf(cancelled.body);
    expect(steps.approve.status).toBe('cancelled');
    expect(steps.service).toMatchObject({
      status: 'skipped',
      reason: 'the deployment was cancelled',
    });
    expect(await client.stack('gantry-dropped-dev')).toBeUndefined();
  });
});
