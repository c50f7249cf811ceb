import { runCli } from '../testing/run-cli';
import { FakeApi, startFakeApi } from '../testing/fake-api-server';

const KEY = 'k-123';

const intervention = (status: string, extra: Record<string, unknown> = {}) => ({
  step: 'approve-prod',
  instructions: 'Check the dashboards.\nThen decide.',
  approvers: { roles: ['deployer'] },
  whoMayDecide: 'admins or deployers',
  preventSelfApproval: false,
  status,
  requestedAt: '2026-01-01T10:00:00Z',
  ...extra,
});

function deployment(status: string, interventions: unknown[] = [], extra = {}) {
  return {
    id: 'd1',
    release: { id: 'r-142', version: '1.4.2' },
    project: { id: 'p1', slug: 'shop-web' },
    environment: { id: 'e3', slug: 'prod' },
    tenant: null,
    status,
    targets: [],
    interventions,
    startedAt: '2026-01-01T10:00:00Z',
    ...(status === 'succeeded' || status === 'failed'
      ? { finishedAt: '2026-01-01T10:05:00Z' }
      : {}),
    ...extra,
  };
}

const gantry = (api: FakeApi, args: string[]) =>
  runCli(args, { GANTRY_SERVER: api.url, GANTRY_API_KEY: KEY, GANTRY_POLL_INTERVAL_MS: '5' });

describe('approve, reject and --wait at a manual intervention', () => {
  let api: FakeApi;
  afterEach(() => api.close());

  it('approve finds the step the deployment waits on and sends the decision with the note', async () => {
    api = await startFakeApi({
      'GET /api/deployments/d1': { body: deployment('waiting', [intervention('pending')]) },
      'POST /api/deployments/d1/interventions/approve-prod': {
        body: deployment('running', [intervention('approved', { decidedBy: 'alice' })]),
      },
    });
    const result = await gantry(api, ['approve', '--deployment', 'd1', '--note', 'looks good']);
    expect(result).toMatchObject({
      code: 0,
      out: "approved step 'approve-prod' of deployment d1: it is running\n",
    });
    expect(api.requests[1]).toMatchObject({
      method: 'POST',
      authorization: `Bearer ${KEY}`,
      body: { decision: 'approve', note: 'looks good' },
    });
  });

  it('reject with --step goes straight to the step and says the deployment failed', async () => {
    api = await startFakeApi({
      'POST /api/deployments/d1/interventions/approve-prod': {
        body: deployment('failed', [intervention('rejected')], {
          error: "Manual intervention 'approve-prod' rejected by 'bob'",
        }),
      },
    });
    const result = await gantry(api, ['reject', '--deployment', 'd1', '--step', 'approve-prod']);
    expect(result.code).toBe(0);
    expect(result.out).toBe(
      "rejected step 'approve-prod' of deployment d1: it is failed (Manual intervention 'approve-prod' rejected by 'bob')\n",
    );
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0].body).toEqual({ decision: 'reject' });
  });

  it('a deployment not waiting is a usage error (exit 2), and nothing is sent', async () => {
    api = await startFakeApi({ 'GET /api/deployments/d1': { body: deployment('running') } });
    const result = await gantry(api, ['approve', '--deployment', 'd1']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('deployment d1 is not waiting for a decision (it is running)');
    expect(api.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it("the server's refusal is printed, with the exit code of a refused key (4)", async () => {
    api = await startFakeApi({
      'POST /api/deployments/d1/interventions/approve-prod': {
        status: 403,
        body: {
          type: 'https://gantry.dev/problems/self-approval',
          title: 'Self-approval refused',
          status: 403,
          detail: "The key 'ci' started deployment d1; someone else must approve.",
        },
      },
    });
    const result = await gantry(api, ['approve', '--deployment', 'd1', '--step', 'approve-prod']);
    expect(result.code).toBe(4);
    expect(result.err).toContain("The key 'ci' started deployment d1; someone else must approve.");
  });

  it('log --follow says once who may decide, keeps waiting, and ends with the outcome', async () => {
    let polls = 0;
    api = await startFakeApi({
      'GET /api/deployments/d1': () => {
        polls += 1;
        if (polls === 1) return { body: deployment('running') };
        if (polls <= 4)
          return {
            body: deployment('waiting', [
              intervention('pending', { timeoutAt: '2026-01-01T11:00:00.000Z' }),
            ]),
          };
        return {
          body: deployment('succeeded', [intervention('approved', { decidedBy: 'alice' })]),
        };
      },
      'GET /api/deployments/d1/log': { body: { items: [] } },
    });
    const result = await gantry(api, ['log', 'd1', '--follow']);
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      "[prod] waiting for approval: admins or deployers (step 'approve-prod', rejected if undecided by 2026-01-01T11:00:00.000Z)\n" +
        '[prod]   Check the dashboards.\n[prod]   Then decide.\n' +
        '[prod]   decide with: gantry approve|reject --deployment d1 [--note "…"]\n',
    );
    expect(result.out.match(/waiting for approval/g)).toHaveLength(1);
    expect(result.out).toContain('[prod] succeeded\n');
  });
});
