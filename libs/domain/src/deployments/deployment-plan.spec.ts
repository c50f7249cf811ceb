import { thrownDomainError } from '../errors/domain-error.fixtures';
import { serviceBody, storedSteps } from '../process/process.fixtures';
import { planDeployments, type PlanScope } from './deployment-plan';
import { stackKey } from './stack-key';

const scope: PlanScope = {
  project: { id: 'p', slug: 'shop', targetTags: ['web'] },
  environments: [
    { id: 'dev', slug: 'dev', name: 'Dev' },
    { id: 'prod', slug: 'prod', name: 'Prod' },
  ],
  tenants: [
    { id: 'acme', slug: 'acme', name: 'Acme', tags: ['tier/gold'] },
    { id: 'globex', slug: 'globex', name: 'Globex' },
  ],
  targets: [
    {
      id: 'shared',
      name: 'Shared',
      environmentIds: ['dev', 'prod'],
      tags: ['web'],
      tenantedMode: 'mixed',
      tenantIds: [],
    },
    {
      id: 'acme-only',
      name: 'Acme only',
      environmentIds: ['prod'],
      tags: ['web'],
      tenantedMode: 'tenanted',
      tenantIds: ['acme'],
    },
    {
      id: 'other-tag',
      name: 'Other',
      environmentIds: ['dev', 'prod'],
      tags: ['api'],
      tenantedMode: 'mixed',
      tenantIds: [],
    },
  ],
};
let counter = 0;
const ids = () => `id-${++counter}`;
const options = { forced: false, createdBy: 'ci', noTarget: 'refuse' as const };
const legacy = storedSteps({ name: 'Service', legacyStackName: true, ...serviceBody() });
const process = { steps: legacy, channelSlug: 'default' };

describe('planDeployments', () => {
  it.each([
    ['untenanted in dev', 'dev', null, ['shared'], 'gantry-shop-dev'],
    [
      'acme in prod: shared and its own target',
      'prod',
      'acme',
      ['shared', 'acme-only'],
      'gantry-shop-prod-acme',
    ],
    [
      'globex in prod: only the shared one',
      'prod',
      'globex',
      ['shared'],
      'gantry-shop-prod-globex',
    ],
  ])('%s', (_name, environmentId, tenantId, targets, stack) => {
    const [row] = planDeployments(
      [{ releaseId: 'r', environmentId, tenantId, ...process }],
      scope,
      options,
      ids,
    );
    expect(row).toMatchObject({
      releaseId: 'r',
      projectId: 'p',
      environmentId,
      tenantId,
      status: 'queued',
      forced: false,
      createdBy: 'ci',
      error: null,
    });
    expect(row.stackKey).toBe(stackKey('p', environmentId, tenantId));
    expect(row.targets).toEqual(
      targets.map((targetId) => ({ stepSlug: 'service', targetId, stackName: stack })),
    );
    expect(row.steps).toEqual([
      { slug: 'service', position: 0, kind: 'ecs-service', status: 'pending', reason: null },
    ]);
  });

  const noTargets: PlanScope = {
    ...scope,
    targets: scope.targets.filter((t) => t.id === 'acme-only'),
  };

  it('refuses with one no_matching_target error naming every deployment without a target', () => {
    const wanted = [
      { releaseId: 'r', environmentId: 'prod', tenantId: 'acme', ...process },
      { releaseId: 'r', environmentId: 'prod', tenantId: 'globex', ...process },
      { releaseId: 'r', environmentId: 'dev', tenantId: 'acme', ...process },
    ];
    const error = thrownDomainError(() => planDeployments(wanted, noTargets, options, ids));
    expect(error.code).toBe('no_matching_target');
    expect(error.errors.map((e) => e.message)).toEqual([
      expect.stringContaining("tenant 'Globex'"),
      expect.stringContaining("environment 'Dev'"),
    ]);
  });

  it('records a failed deployment instead when asked to (automatic deployments)', () => {
    const rows = planDeployments(
      [{ releaseId: 'r', environmentId: 'dev', tenantId: 'globex', ...process }],
      noTargets,
      { ...options, noTarget: 'record' },
      ids,
    );
    expect(rows).toEqual([
      expect.objectContaining({
        status: 'failed',
        targets: [],
        error: expect.stringContaining("No ECS cluster target is in environment 'Dev'"),
      }),
    ]);
  });

  describe('a process of several steps', () => {
    const steps = storedSteps(
      { name: 'Migrate', environments: ['prod'], ...serviceBody('migrate') },
      { name: 'Web', legacyStackName: true, ...serviceBody() },
      { name: 'Worker', parallelWithPrevious: true, ...serviceBody('worker') },
      { name: 'Gold', tenantTags: ['tier/gold'], ...serviceBody('gold') },
      { name: 'Hotfix', channels: ['hotfix'], ...serviceBody('fix') },
    );
    const plan = (environmentId: string, tenantId: string | null, channelSlug = 'default') =>
      planDeployments(
        [{ releaseId: 'r', environmentId, tenantId, steps, channelSlug }],
        scope,
        options,
        ids,
      )[0];

    it.each<[string, string, string | null, string, string[]]>([
      ['untenanted dev', 'dev', null, 'default', ['web', 'worker']],
      ['acme (gold) in prod', 'prod', 'acme', 'default', ['migrate', 'web', 'worker', 'gold']],
      [
        'globex in prod, hotfix channel',
        'prod',
        'globex',
        'hotfix',
        ['migrate', 'web', 'worker', 'hotfix'],
      ],
    ])(
      '%s: the steps whose conditions hold',
      (_case, environmentId, tenantId, channel, running) => {
        const row = plan(environmentId, tenantId, channel);
        expect(row.steps.filter((s) => s.status === 'pending').map((s) => s.slug)).toEqual(running);
        expect([...new Set(row.targets.map((t) => t.stepSlug))]).toEqual(running);
      },
    );

    it('says why a step is skipped', () => {
      expect(plan('dev', null).steps.filter((s) => s.status === 'skipped')).toEqual([
        expect.objectContaining({ slug: 'migrate', reason: 'it runs only in prod' }),
        expect.objectContaining({ slug: 'gold', reason: expect.stringContaining('untenanted') }),
        expect.objectContaining({
          slug: 'hotfix',
          reason: 'it runs only for releases of channel hotfix',
        }),
      ]);
    });

    it('names each step’s stack: legacy for the old step, with the step slug for the others', () => {
      expect(plan('prod', 'acme').targets.filter((t) => t.targetId === 'shared')).toEqual([
        { stepSlug: 'migrate', targetId: 'shared', stackName: 'gantry-shop-migrate-prod-acme' },
        { stepSlug: 'web', targetId: 'shared', stackName: 'gantry-shop-prod-acme' },
        { stepSlug: 'worker', targetId: 'shared', stackName: 'gantry-shop-worker-prod-acme' },
        { stepSlug: 'gold', targetId: 'shared', stackName: 'gantry-shop-gold-prod-acme' },
      ]);
    });

    it('needs no target when no running step runs on targets', () => {
      const row = planDeployments(
        [
          {
            releaseId: 'r',
            environmentId: 'dev',
            tenantId: null,
            steps: steps.slice(0, 1),
            channelSlug: 'default',
          },
        ],
        { ...scope, targets: [] },
        options,
        ids,
      )[0];
      expect(row).toMatchObject({
        status: 'queued',
        targets: [],
        steps: [expect.objectContaining({ status: 'skipped' })],
      });
    });
  });
});
