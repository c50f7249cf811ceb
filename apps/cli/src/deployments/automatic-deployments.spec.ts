import { automaticDeploymentsCovering } from './automatic-deployments';
import type { Deployment } from './deployment.types';

const deployment = (id: string, environment: string, tenant: string | null): Deployment => ({
  id,
  release: { id: 'r1', version: '1.0.0' },
  project: { id: 'p1', slug: 'shop' },
  environment: { id: `env-${environment}`, slug: environment },
  tenant: tenant ? { id: `tenant-${tenant}`, slug: tenant } : null,
  status: 'queued',
  forced: false,
  cancelRequested: false,
  createdBy: 'ci',
  targets: [],
  steps: [],
  createdAt: '2026-01-01T10:00:00Z',
});

const automatic = [
  deployment('d1', 'dev', 'acme'),
  deployment('d2', 'dev', 'globex'),
  deployment('d3', 'qa', null),
];
const ids = (found: Deployment[] | null) => found && found.map((item) => item.id);

describe('automaticDeploymentsCovering', () => {
  it.each([
    ['every automatic deployment to the environment, by slug', 'dev', [], [], ['d1', 'd2']],
    ['the environment given by id', 'env-qa', [], [], ['d3']],
    ['the tenants asked for, by slug or id', 'dev', ['tenant-globex'], [], ['d2']],
    ['none: the environment has no automatic deployment', 'prod', [], [], null],
    ['none: a tenant asked for is not among them', 'dev', ['acme', 'initech'], [], null],
    ['none: tenant tags are resolved by the server', 'dev', [], ['tier/gold'], null],
  ])('%s', (_label, environment, tenants, tags, expected) => {
    expect(ids(automaticDeploymentsCovering(automatic, environment, tenants, tags))).toEqual(
      expected,
    );
  });

  it('finds nothing in a release without automatic deployments', () => {
    expect(automaticDeploymentsCovering([], 'dev', [], [])).toBeNull();
  });
});
