import type { Deployment } from './deployments/deployment.types';
import { waitingApproval, waitingCells } from './waiting-approvals';

const intervention = {
  step: 'approve-prod',
  instructions: 'Look first.',
  approvers: { roles: ['deployer' as const] },
  whoMayDecide: 'admins or deployers',
  preventSelfApproval: false,
  status: 'pending' as const,
  requestedAt: '2026-12-04T10:00:00Z',
  timeoutAt: '2026-12-04T11:00:00Z',
};

function waiting(
  id: string,
  extra: { project?: string; environment?: string; tenant?: string; version?: string } = {},
): Deployment {
  return {
    id,
    project: { id: extra.project ?? 'p1', slug: extra.project ?? 'shop' },
    environment: { id: 'e3', slug: extra.environment ?? 'prod' },
    tenant: extra.tenant ? { id: extra.tenant, slug: extra.tenant } : null,
    release: { id: 'r1', version: extra.version ?? '1.5.0' },
    status: 'waiting',
    interventions: [intervention],
    waitingReason: "waiting for approval: admins or deployers (step 'approve-prod')",
  } as Deployment;
}

describe('waitingApproval (what a waiting deployment waits for)', () => {
  it('names its pending intervention: the step, who may decide, until when', () => {
    expect(waitingApproval(waiting('d1'))).toEqual({
      deploymentId: 'd1',
      project: { id: 'p1', slug: 'shop' },
      environment: { id: 'e3', slug: 'prod' },
      tenant: null,
      release: { id: 'r1', version: '1.5.0' },
      step: 'approve-prod',
      whoMayDecide: 'admins or deployers',
      timeoutAt: '2026-12-04T11:00:00Z',
    });
  });

  it('falls back to the waiting reason when no intervention is pending', () => {
    const deployment = { ...waiting('d1'), interventions: [] } as Deployment;
    expect(waitingApproval(deployment)).toMatchObject({
      step: null,
      whoMayDecide: "admins or deployers (step 'approve-prod')",
      timeoutAt: null,
    });
  });
});

describe('waitingCells (the WAITING column of gantry status)', () => {
  it('says per project where what waits and who may decide, counting tenants', () => {
    const cells = waitingCells(
      [
        waiting('d1'),
        waiting('d2', { environment: 'test', tenant: 'acme', version: '1.6.0' }),
        waiting('d3', { environment: 'test', tenant: 'globex', version: '1.6.0' }),
        waiting('d4', { project: 'billing', tenant: 'acme' }),
      ].map(waitingApproval),
    );
    expect(Object.fromEntries(cells)).toEqual({
      p1: 'prod 1.5.0: admins or deployers; test 1.6.0 (2 tenants): admins or deployers',
      billing: 'prod 1.5.0 (1 tenant): admins or deployers',
    });
    expect(waitingCells([]).size).toBe(0);
  });
});
