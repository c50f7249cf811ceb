import { thrownDomainError } from '../errors/domain-error.fixtures';
import { planDeployments, type PlanScope } from './deployment-plan';
import { stackKey } from './stack-key';

const scope: PlanScope = {
  project: { id: 'p', slug: 'shop', targetTags: ['web'] },
  environments: [
    { id: 'dev', slug: 'dev', name: 'Dev' },
    { id: 'prod', slug: 'prod', name: 'Prod' },
  ],
  tenants: [
    { id: 'acme', slug: 'acme', name: 'Acme' },
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
      [{ releaseId: 'r', environmentId, tenantId }],
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
    expect(row.targets).toEqual(targets.map((targetId) => ({ targetId, stackName: stack })));
  });

  const noTargets: PlanScope = {
    ...scope,
    targets: scope.targets.filter((t) => t.id === 'acme-only'),
  };

  it('refuses with one no_matching_target error naming every deployment without a target', () => {
    const wanted = [
      { releaseId: 'r', environmentId: 'prod', tenantId: 'acme' },
      { releaseId: 'r', environmentId: 'prod', tenantId: 'globex' },
      { releaseId: 'r', environmentId: 'dev', tenantId: 'acme' },
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
      [{ releaseId: 'r', environmentId: 'dev', tenantId: 'globex' }],
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
});
