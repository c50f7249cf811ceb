import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import { manualInterventionBodySchema } from '@gantry/domain';
import { ManualInterventionStep } from '@gantry/deploy';
import { NotificationPublisher, verifyWebhook } from '@gantry/notifications';
import { DeploymentRunsRepository, InterventionsRepository } from '@gantry/persistence';
import { deploymentsQueue } from '../support/api-harness';
import { deployClient } from '../support/deploy-client';
import { eventually, PlatformHarness, startPlatform } from '../support/platform-harness';
import { createApiKeys, seedPlatform } from '../support/seed';

/**
 * Manual intervention steps through the real API, PostgreSQL, Redis, worker and sandbox. The
 * deployments are brought to the step the way the process engine does it: a runner's claim, then
 * the step's `enter` on the fenced repository (which suspends the deployment and notifies).
 */

const SECRET = 'whsec-intervention-0123456789';

interface Hook {
  event: string;
  body: { deployment?: { id: string; status: string; waitingReason: string | null } };
  valid: boolean;
}

async function startReceiver() {
  const received: Hook[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      received.push({
        event: String(req.headers['gantry-event']),
        body: JSON.parse(raw),
        valid: verifyWebhook(SECRET, raw, String(req.headers['gantry-signature'])),
      });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('manual interventions: waiting, deciding, timing out', () => {
  let platform: PlatformHarness;
  let client: ReturnType<typeof deployClient>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let queue: Queue;
  const keys: Record<string, string> = {};

  const as = (key: string) => ({
    post: (path: string, body?: unknown) =>
      platform.api
        .anonymous()
        .post(path)
        .set('Authorization', `Bearer ${keys[key]}`)
        .send(body as object),
  });
  const decide = (key: string, id: string, step: string, body: unknown) =>
    as(key).post(`/api/deployments/${id}/interventions/${step}`, body);

  /** A release of `project` created by the key `ci`, and its automatic dev deployment's id. */
  async function devDeployment(project: string, version: string): Promise<string> {
    const release = await as('ci')
      .post(`/api/projects/${project}/releases`, {
        version,
        images: { web: '1.0.0', worker: '1.0.0' },
      })
      .expect(201);
    return (await client.onlyOf(project, 'dev', release.body.id)).id;
  }

  /** Claims the deployment as a runner would, and enters a manual intervention step. */
  async function reachIntervention(id: string, step: string, body: Record<string, unknown>) {
    const runs = platform.api.app.get(DeploymentRunsRepository);
    const claim = await runs.claim(id, 'intervention-test', 60);
    if (claim.outcome !== 'claimed') throw new Error(`could not claim ${id}: ${claim.outcome}`);
    const stepKind = new ManualInterventionStep(
      platform.api.app.get(InterventionsRepository),
      platform.api.app.get(NotificationPublisher),
    );
    return stepKind.enter(
      runs.fencedTo(id, claim.token),
      id,
      step,
      manualInterventionBodySchema.parse(body),
    );
  }

  beforeAll(async () => {
    // The worker starts later: first the deployments are brought to their step by hand.
    platform = await startPlatform('intervene', {
      env: { NOTIFICATION_RETRY_BASE_MS: '100' },
      startWorker: false,
    });
    client = deployClient(platform);
    queue = deploymentsQueue(platform.api);
    receiver = await startReceiver();
    for (const project of ['gate', 'reject', 'lapse', 'drop'])
      await seedPlatform(platform.api, { project });
    Object.assign(
      keys,
      await createApiKeys(platform.api, {
        alice: 'deployer',
        ci: 'deployer',
        val: 'viewer',
        bystander: 'deployer',
      }),
    );
    await platform.api
      .post('/api/subscriptions', {
        name: 'Approvals',
        kind: 'webhook',
        url: `${receiver.url}/hooks`,
        secret: SECRET,
        events: ['deployment.waiting-for-approval', 'deployment.failed'],
        projects: ['lapse'],
      })
      .expect(201);
  });
  afterAll(async () => {
    await queue.close();
    await receiver.close();
    await platform.close();
  });

  it('waits for a decision; only an approver decides, never the starter when self-approval is prevented', async () => {
    const id = await devDeployment('gate', '1.0.0');
    const entered = await reachIntervention(id, 'approve-prod', {
      instructions: 'Check the **error rate** dashboard first.',
      approvers: { apiKeys: ['alice', 'ci'] },
      preventSelfApproval: true,
    });
    expect(entered).toEqual({ outcome: 'suspended' });

    const waiting = (await platform.api.get(`/api/deployments/${id}`).expect(200)).body;
    expect(waiting).toMatchObject({
      status: 'waiting',
      waitingReason:
        "waiting for approval: admins or the API keys 'alice', 'ci' (step 'approve-prod')",
      interventions: [
        {
          step: 'approve-prod',
          instructions: 'Check the **error rate** dashboard first.',
          approvers: { apiKeys: ['alice', 'ci'] },
          whoMayDecide: "admins or the API keys 'alice', 'ci'",
          preventSelfApproval: true,
          status: 'pending',
        },
      ],
    });
    expect(waiting.interventions[0].decidedBy).toBeUndefined();
    const listed = await platform.api
      .get('/api/deployments?project=gate&status=waiting')
      .expect(200);
    expect(listed.body).toMatchObject({ total: 1, items: [{ id, status: 'waiting' }] });
    expect(await client.log(id)).toContain(
      "[approve-prod] Waiting for approval of step 'approve-prod' by admins or the API keys 'alice', 'ci'",
    );
    // A waiting deployment holds no lease: nothing hands it out again.
    const row = await platform.api.app.get(DeploymentRunsRepository).get(id);
    expect(row).toMatchObject({ leaseOwner: null, leaseExpiresAt: null });
    expect(
      (await platform.api.app.get(DeploymentRunsRepository).needingAttention()).map((d) => d.id),
    ).not.toContain(id);

    const viewer = await decide('val', id, 'approve-prod', { decision: 'approve' }).expect(403);
    expect(viewer.headers['content-type']).toContain('application/problem+json');
    expect(viewer.body.detail).toContain('a viewer never decides');
    const outsider = await decide('bystander', id, 'approve-prod', {
      decision: 'approve',
    }).expect(403);
    expect(outsider.body.detail).toContain("Who may: admins or the API keys 'alice', 'ci'");
    const self = await decide('ci', id, 'approve-prod', { decision: 'approve' }).expect(403);
    expect(self.body.type).toContain('self-approval');
    await decide('alice', id, 'approve-prod', { decision: 'maybe' }).expect(400);
    await decide('alice', id, 'other-step', { decision: 'approve' }).expect(409);
    expect((await client.get(id)).status).toBe('waiting');

    const approved = await decide('alice', id, 'approve-prod', {
      decision: 'approve',
      note: 'dashboards are green',
    }).expect(200);
    expect(approved.body).toMatchObject({
      status: 'running',
      interventions: [{ status: 'approved', decidedBy: 'alice', note: 'dashboards are green' }],
    });
    expect(approved.body.waitingReason).toBeUndefined();
    expect(Date.parse(approved.body.interventions[0].decidedAt)).not.toBeNaN();
    // Handed back to the workers.
    expect(await queue.getJob(id)).toBeDefined();

    const again = await decide('alice', id, 'approve-prod', { decision: 'reject' }).expect(409);
    expect(again.body.detail).toContain('already decided (approved)');

    const audit = await platform.api.get('/api/audit?actor=alice&limit=100').expect(200);
    expect(audit.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          route: `/api/deployments/${id}/interventions/approve-prod`,
          status: 200,
          outcome: 'success',
          body: { decision: 'approve', note: 'dashboards are green' },
        }),
        expect.objectContaining({ status: 409, outcome: 'refused' }),
      ]),
    );
    const refused = await platform.api.get('/api/audit?actor=val&limit=10').expect(200);
    expect(refused.body.items[0]).toMatchObject({ status: 403, outcome: 'refused' });
  });

  it('a rejection fails the deployment naming the step, who and the note; the stack moves on', async () => {
    const id = await devDeployment('reject', '1.0.0');
    await reachIntervention(id, 'sign-off', {
      instructions: 'Ask the DBA.',
      approvers: { roles: ['deployer'] },
      preventSelfApproval: true,
    });
    // The next deployment of the same stack waits behind the waiting one.
    const next = await devDeployment('reject', '1.0.1');
    const runs = platform.api.app.get(DeploymentRunsRepository);
    expect(await runs.claim(next, 'intervention-test', 60)).toEqual({ outcome: 'waiting' });

    // The starter may not approve, but may reject its own deployment.
    await decide('ci', id, 'sign-off', { decision: 'approve' }).expect(403);
    const rejected = await decide('ci', id, 'sign-off', {
      decision: 'reject',
      note: 'migration not reviewed',
    }).expect(200);
    expect(rejected.body).toMatchObject({
      status: 'failed',
      error: "Manual intervention 'sign-off' rejected by 'ci': migration not reviewed",
      interventions: [{ status: 'rejected', decidedBy: 'ci', note: 'migration not reviewed' }],
    });
    expect(rejected.body.finishedAt).toBeDefined();
    expect(await client.log(id)).toContain(
      "[sign-off] Manual intervention 'sign-off' rejected by 'ci': migration not reviewed",
    );
    // The stack is released: the deployment behind it is handed to the workers.
    expect(await queue.getJob(next)).toBeDefined();
    await decide('alice', id, 'sign-off', { decision: 'approve' }).expect(409);
  });

  it('cancelling a waiting deployment cancels it at once, with its intervention', async () => {
    const id = await devDeployment('drop', '1.0.0');
    await reachIntervention(id, 'approve', { instructions: 'Go?' });
    const cancelled = await as('alice').post(`/api/deployments/${id}/cancel`).expect(202);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      interventions: [{ status: 'cancelled', decidedBy: 'alice' }],
    });
    expect(await client.log(id)).toContain(
      "[approve] Cancelled by 'alice' while waiting for a decision on step 'approve'",
    );
    // Only admins decide here (no approvers named); even an admin finds nothing left to decide.
    await decide('alice', id, 'approve', { decision: 'approve' }).expect(403);
    await platform.api
      .post(`/api/deployments/${id}/interventions/approve`, { decision: 'approve' })
      .expect(409);
  });

  it('blocking the release cancels its deployment waiting for approval', async () => {
    const id = await devDeployment('drop', '1.0.1');
    await reachIntervention(id, 'approve', { instructions: 'Go?' });
    const { release } = await client.get(id);
    await platform.api
      .post(`/api/releases/${release.id}/block`, { reason: 'bad build' })
      .expect(200);
    expect(await client.get(id)).toMatchObject({ status: 'cancelled' });
    await platform.api
      .post(`/api/deployments/${id}/interventions/approve`, { decision: 'approve' })
      .expect(409);
  });

  it('an undecided intervention is rejected at its timeout by the worker; the webhook heard it wait', async () => {
    const id = await devDeployment('lapse', '1.0.0');
    await reachIntervention(id, 'approve', {
      instructions: 'Release window only.',
      approvers: { roles: ['deployer'] },
      timeoutMinutes: 5,
    });
    const waiting = await client.get(id);
    const until = Date.parse((waiting as unknown as { waitingUntil: string }).waitingUntil);
    expect(until - Date.now()).toBeGreaterThan(4 * 60_000);
    // Five minutes pass (the deadline is moved instead of waiting for it).
    await platform.api.db.dataSource.query(
      `UPDATE deployment_interventions SET timeout_at = now() - interval '1 second' WHERE deployment_id = $1`,
      [id],
    );

    await platform.startWorker();
    const failed = await client.finished(id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toBe(
      "Manual intervention 'approve' timed out: no decision within 5 minutes.",
    );
    expect((await platform.api.get(`/api/deployments/${id}`)).body.interventions[0]).toMatchObject({
      status: 'rejected',
      note: 'No decision within 5 minutes',
    });

    const hooks = await eventually(
      async () => (receiver.received.length >= 2 ? receiver.received : undefined),
      20_000,
      'the waiting and failed notifications',
    );
    const byEvent = Object.fromEntries(hooks.map((hook) => [hook.event, hook]));
    expect(byEvent['deployment.waiting-for-approval']).toMatchObject({
      valid: true,
      body: {
        deployment: {
          id,
          status: 'waiting',
          waitingReason: "waiting for approval: admins or deployers (step 'approve')",
        },
      },
    });
    expect(byEvent['deployment.failed']).toMatchObject({
      valid: true,
      body: { deployment: { id, status: 'failed' } },
    });
  });

  it('an approved deployment continues with the worker and finishes', async () => {
    const [gate] = (
      await platform.api.get('/api/deployments?project=gate&environment=dev').expect(200)
    ).body.items;
    const done = await client.finished(gate.id, 60_000);
    expect(done.status).toBe('succeeded');
    expect(done.targets[0].status).toBe('succeeded');
  });
});
