import { DomainError } from '../errors/domain-error';
import { assertPromotion } from './assert-promotion';
import { acme, ok, standard } from './lifecycle.fixtures';
import type { DeploymentKey, TenantReach } from './lifecycle.types';

describe('assertPromotion', () => {
  it.each<[string, TenantReach | null, DeploymentKey[]]>([
    ['phase 1', null, []],
    ['an open later phase', null, [ok('dev'), ok('test-a')]],
    ['a redeploy', acme, [ok('prod', 'acme')]],
  ])('lets %s through', (_case, tenant, succeeded) => {
    const environmentId = succeeded.length ? 'prod' : 'dev';
    expect(() =>
      assertPromotion({ lifecycle: standard, environmentId, tenant, succeeded }),
    ).not.toThrow();
  });

  it.each<[string, string, TenantReach | null, DeploymentKey[], string, Record<string, unknown>]>([
    [
      'a missing phase',
      'prod',
      acme,
      [ok('dev', 'acme')],
      "Lifecycle 'Standard' does not allow deploying this release to 'prod' for tenant 'Acme' yet: phase 'Test' needs 1 more successful deployment (missing: 'test-b').",
      {
        refusal: 'phase_incomplete',
        blockingPhase: 'Test',
        missingEnvironmentIds: ['test-b'],
        tenantId: 'acme',
      },
    ],
    [
      'an environment outside the lifecycle',
      'qa',
      null,
      [],
      "Environment 'qa' is not part of lifecycle 'Standard'.",
      {
        refusal: 'not_in_lifecycle',
        blockingPhase: null,
        missingEnvironmentIds: [],
        tenantId: null,
      },
    ],
    [
      'a tenant not connected',
      'test-a',
      acme,
      [],
      "Tenant 'Acme' is not connected to environment 'test-a' for this project.",
      {
        refusal: 'tenant_not_connected',
        blockingPhase: null,
        missingEnvironmentIds: [],
        tenantId: 'acme',
      },
    ],
  ])(
    'refuses %s with lifecycle_forbids',
    (_case, environmentId, tenant, succeeded, message, details) => {
      let error: unknown;
      try {
        assertPromotion({ lifecycle: standard, environmentId, tenant, succeeded });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'lifecycle_forbids', message, details });
    },
  );
});
