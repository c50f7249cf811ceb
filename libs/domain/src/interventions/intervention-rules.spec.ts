import { DomainError } from '../errors/domain-error';
import {
  decisionOutcome,
  decisionRefusal,
  interventionDeadline,
  waitingForApproval,
  whoMayDecide,
  type Decider,
  type InterventionDecision,
  type InterventionDeployment,
  type InterventionState,
} from './intervention-rules';
import { manualInterventionBodySchema, type Approvers } from './manual-intervention.schema';

const deployment: InterventionDeployment = {
  id: 'd-1',
  status: 'waiting',
  projectId: 'p-shop',
  environmentId: 'e-prod',
  startedByKeyId: 'k-ci',
};
const key = (over: Partial<Decider> & Pick<Decider, 'role'>): Decider => ({
  keyId: `k-${over.name ?? over.role}`,
  name: over.name ?? over.role,
  projects: [],
  environments: [],
  ...over,
});
const admin = key({ role: 'admin' });
const deployer = key({ role: 'deployer' });
const viewer = key({ role: 'viewer' });
const releaseManager = key({ role: 'deployer', name: 'release-manager' });
const ci = key({ role: 'deployer', name: 'ci', keyId: 'k-ci' });
const ciAdmin = key({ role: 'admin', name: 'ci-admin', keyId: 'k-ci' });
const state = (over: Partial<InterventionState> = {}): InterventionState => ({
  step: 'approve-prod',
  approvers: { roles: ['deployer'] },
  preventSelfApproval: false,
  status: 'pending',
  ...over,
});

describe('decisionRefusal', () => {
  it.each<
    [
      string,
      Decider,
      InterventionDecision,
      Partial<InterventionState>,
      Partial<InterventionDeployment>,
      string | null,
    ]
  >([
    [
      'an admin always decides, even when no role is listed',
      admin,
      'approve',
      { approvers: {} },
      {},
      null,
    ],
    ['a listed role decides', deployer, 'approve', {}, {}, null],
    [
      'a named key decides without its role listed',
      releaseManager,
      'approve',
      { approvers: { apiKeys: ['release-manager'] } },
      {},
      null,
    ],
    [
      'a deployer neither listed by role nor by name does not',
      deployer,
      'approve',
      { approvers: { apiKeys: ['release-manager'] } },
      {},
      'forbidden',
    ],
    [
      'with no approvers, only admins decide',
      deployer,
      'reject',
      { approvers: {} },
      {},
      'forbidden',
    ],
    ['a viewer never decides', viewer, 'approve', {}, {}, 'forbidden'],
    [
      'a viewer never decides, even when named',
      viewer,
      'reject',
      { approvers: { apiKeys: ['viewer'] } },
      {},
      'forbidden',
    ],
    [
      'a deployer limited to other environments does not',
      key({ role: 'deployer', environments: ['e-dev'] }),
      'approve',
      {},
      {},
      'forbidden',
    ],
    [
      'a deployer limited to other projects does not',
      key({ role: 'deployer', projects: ['p-other'] }),
      'approve',
      {},
      {},
      'forbidden',
    ],
    [
      'a deployer limited to this project and environment does',
      key({ role: 'deployer', projects: ['p-shop'], environments: ['e-prod'] }),
      'approve',
      {},
      {},
      null,
    ],
    [
      'an already decided intervention is a conflict',
      deployer,
      'approve',
      { status: 'approved' },
      {},
      'invalid_state',
    ],
    [
      'a deployment not waiting is a conflict',
      deployer,
      'approve',
      {},
      { status: 'running' },
      'invalid_state',
    ],
    ['the starter may approve when self-approval is allowed', ci, 'approve', {}, {}, null],
    [
      'the starter may not approve when self-approval is prevented',
      ci,
      'approve',
      { preventSelfApproval: true },
      {},
      'self_approval',
    ],
    [
      'not even an admin key that started it',
      ciAdmin,
      'approve',
      { preventSelfApproval: true },
      {},
      'self_approval',
    ],
    ['the starter may still reject', ci, 'reject', { preventSelfApproval: true }, {}, null],
    [
      'another key approves when self-approval is prevented',
      deployer,
      'approve',
      { preventSelfApproval: true },
      {},
      null,
    ],
    [
      'an unknown starter prevents nobody',
      ci,
      'approve',
      { preventSelfApproval: true },
      { startedByKeyId: null },
      null,
    ],
    [
      'a key without the right is refused before the state is told',
      viewer,
      'approve',
      { status: 'approved' },
      {},
      'forbidden',
    ],
  ])('%s', (_case, decider, decision, intervention, over, expected) => {
    const refusal = decisionRefusal({
      deployment: { ...deployment, ...over },
      intervention: state(intervention),
      decider,
      decision,
    });
    expect(refusal?.code ?? null).toBe(expected);
    if (refusal) expect(refusal).toBeInstanceOf(DomainError);
  });

  it('a refusal names the key, the step and who may decide', () => {
    const refusal = decisionRefusal({
      deployment,
      intervention: state({ approvers: { apiKeys: ['release-manager'] } }),
      decider: viewer,
      decision: 'approve',
    });
    expect(refusal?.message).toBe(
      "The key 'viewer' may not decide on step 'approve-prod': a viewer never decides. Who may: admins or the API key 'release-manager'.",
    );
    expect(refusal?.errors).toEqual([{ path: 'decision', message: 'a viewer never decides' }]);
  });
});

describe('whoMayDecide', () => {
  it.each<[Approvers, string]>([
    [{}, 'admins'],
    [{ roles: ['admin'] }, 'admins'],
    [{ roles: ['deployer'] }, 'admins or deployers'],
    [{ apiKeys: ['rm'] }, "admins or the API key 'rm'"],
    [
      { roles: ['deployer'], apiKeys: ['rm', 'cto', 'rm'] },
      "admins, deployers or the API keys 'rm', 'cto'",
    ],
  ])('%j → %s', (approvers, expected) => {
    expect(whoMayDecide(approvers)).toBe(expected);
  });

  it('is what a waiting deployment says', () => {
    expect(waitingForApproval('approve-prod', { roles: ['deployer'] })).toBe(
      "waiting for approval: admins or deployers (step 'approve-prod')",
    );
  });
});

describe('decisionOutcome', () => {
  it.each<[string, Parameters<typeof decisionOutcome>[1], ReturnType<typeof decisionOutcome>]>([
    [
      'an approval continues the process',
      { decision: 'approve', by: 'alice', note: ' checked the dashboards ' },
      {
        interventionStatus: 'approved',
        deploymentStatus: 'running',
        error: null,
        note: 'checked the dashboards',
        logLine: "Manual intervention 'approve-prod' approved by 'alice': checked the dashboards",
      },
    ],
    [
      'a rejection fails the deployment naming the step, who and the note',
      { decision: 'reject', by: 'bob', note: 'not on a Friday' },
      {
        interventionStatus: 'rejected',
        deploymentStatus: 'failed',
        error: "Manual intervention 'approve-prod' rejected by 'bob': not on a Friday",
        note: 'not on a Friday',
        logLine: "Manual intervention 'approve-prod' rejected by 'bob': not on a Friday",
      },
    ],
    [
      'a rejection without a note',
      { decision: 'reject', by: 'bob', note: '  ' },
      {
        interventionStatus: 'rejected',
        deploymentStatus: 'failed',
        error: "Manual intervention 'approve-prod' rejected by 'bob'",
        note: null,
        logLine: "Manual intervention 'approve-prod' rejected by 'bob'",
      },
    ],
    [
      'a timeout is a rejection by no one',
      { timedOutAfterMinutes: 60 },
      {
        interventionStatus: 'rejected',
        deploymentStatus: 'failed',
        error: "Manual intervention 'approve-prod' timed out: no decision within 60 minutes.",
        note: 'No decision within 60 minutes',
        logLine: "Manual intervention 'approve-prod' timed out: no decision within 60 minutes.",
      },
    ],
  ])('%s', (_case, made, expected) => {
    expect(decisionOutcome('approve-prod', made)).toEqual(expected);
  });
});

describe('interventionDeadline', () => {
  const at = new Date('2026-12-04T18:00:00Z');
  it.each<[number | undefined | null, string | null]>([
    [undefined, null],
    [null, null],
    [1, '2026-12-04T18:01:00.000Z'],
    [90, '2026-12-04T19:30:00.000Z'],
    [43200, '2027-01-03T18:00:00.000Z'],
  ])('timeoutMinutes %s → %s', (minutes, expected) => {
    expect(interventionDeadline(at, minutes)?.toISOString() ?? null).toBe(expected);
  });
});

describe('manualInterventionBodySchema', () => {
  it('fills the defaults', () => {
    expect(manualInterventionBodySchema.parse({ instructions: ' Check the dashboards ' })).toEqual({
      instructions: 'Check the dashboards',
      approvers: {},
      preventSelfApproval: false,
    });
  });

  it.each<[string, unknown, string[]]>([
    ['instructions are required', {}, ['instructions']],
    [
      'a viewer cannot be an approver',
      { instructions: 'x', approvers: { roles: ['viewer'] } },
      ['approvers.roles.0'],
    ],
    [
      'an unknown approver field',
      { instructions: 'x', approvers: { users: ['a'] } },
      ['approvers'],
    ],
    [
      'an empty key name',
      { instructions: 'x', approvers: { apiKeys: [' '] } },
      ['approvers.apiKeys.0'],
    ],
    ['a zero timeout', { instructions: 'x', timeoutMinutes: 0 }, ['timeoutMinutes']],
    ['a timeout over 30 days', { instructions: 'x', timeoutMinutes: 43201 }, ['timeoutMinutes']],
    ['a fractional timeout', { instructions: 'x', timeoutMinutes: 1.5 }, ['timeoutMinutes']],
    [
      'every invalid field at once',
      { instructions: '', timeoutMinutes: -1, preventSelfApproval: 'yes' },
      ['instructions', 'timeoutMinutes', 'preventSelfApproval'],
    ],
  ])('%s', (_case, body, paths) => {
    const result = manualInterventionBodySchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(paths);
  });

  it('says why a viewer is refused', () => {
    const result = manualInterventionBodySchema.safeParse({
      instructions: 'x',
      approvers: { roles: ['viewer'] },
    });
    expect(result.error?.issues[0].message).toBe(
      "must be 'admin' or 'deployer' (a viewer never decides)",
    );
  });
});
