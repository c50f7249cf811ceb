import { thrownDomainError } from '../errors/domain-error.fixtures';
import type { Lifecycle } from '../lifecycle';
import { assertNotAlreadyDeployed, assertPromotions } from './deployment-checks';

const lifecycle: Lifecycle = {
  name: 'Standard',
  phases: ['dev', 'test', 'prod'].map((id) => ({
    name: id.toUpperCase(),
    environments: [id],
    automatic: [],
    minimumEnvironmentsBeforePromotion: 0,
    optional: false,
  })),
};
const environments = ['dev', 'test', 'prod'].map((id) => ({
  id,
  slug: id,
  name: id.charAt(0).toUpperCase() + id.slice(1),
}));
const acme = { id: 'acme', name: 'Acme', environmentIds: ['dev', 'test', 'prod'] };
const globex = { id: 'globex', name: 'Globex', environmentIds: ['test', 'prod'] };

describe('assertPromotions', () => {
  it.each([
    ['phase 1 is open', 'dev', null, []],
    [
      'a later phase after the earlier ones succeeded',
      'prod',
      null,
      [
        { environmentId: 'dev', tenantId: null },
        { environmentId: 'test', tenantId: null },
      ],
    ],
    ['a tenant skips phases it is not connected to', 'test', globex, []],
  ])('allows: %s', (_name, environmentId, tenant, succeeded) => {
    expect(() =>
      assertPromotions([{ lifecycle, environmentId, tenant, succeeded }], environments),
    ).not.toThrow();
  });

  it('refuses one deployment naming the missing environments', () => {
    const error = thrownDomainError(() =>
      assertPromotions(
        [
          {
            lifecycle,
            environmentId: 'prod',
            tenant: null,
            succeeded: [{ environmentId: 'dev', tenantId: null }],
          },
        ],
        environments,
      ),
    );
    expect(error.code).toBe('lifecycle_forbids');
    expect(error.message).toContain("missing: 'Test'");
    expect(error.details).toMatchObject({
      refusal: 'phase_incomplete',
      missingEnvironmentIds: ['test'],
      missingEnvironments: [{ id: 'test', slug: 'test' }],
    });
  });

  it('refuses a fan-out naming each refused tenant', () => {
    const checks = [acme, globex].map((tenant) => ({
      lifecycle,
      environmentId: 'prod',
      tenant,
      succeeded: [],
    }));
    const error = thrownDomainError(() => assertPromotions(checks, environments));
    expect(error.message).toMatch(/^The lifecycle refuses 2 of the requested deployments/);
    expect(error.details.refusals).toEqual([
      expect.objectContaining({
        tenantId: 'acme',
        missingEnvironments: [
          { id: 'dev', slug: 'dev' },
          { id: 'test', slug: 'test' },
        ],
      }),
      expect.objectContaining({
        tenantId: 'globex',
        missingEnvironments: [{ id: 'test', slug: 'test' }],
      }),
    ]);
  });
});

describe('assertNotAlreadyDeployed', () => {
  it.each([
    ['nothing there yet', { label: "'Dev'", pending: false, current: false }, false, null],
    [
      'already current, not forced',
      { label: "'Dev'", pending: false, current: true },
      false,
      'already the deployed release',
    ],
    [
      'already queued, not forced',
      { label: "'Dev'", pending: true, current: false },
      false,
      'already queued or running',
    ],
    ['already current, forced', { label: "'Dev'", pending: false, current: true }, true, null],
  ])('%s', (_name, state, force, refusal) => {
    const run = () => assertNotAlreadyDeployed([state], force);
    if (refusal === null) expect(run).not.toThrow();
    else
      expect(thrownDomainError(run)).toMatchObject({
        code: 'invalid_state',
        message: expect.stringContaining(refusal),
      });
  });
});
