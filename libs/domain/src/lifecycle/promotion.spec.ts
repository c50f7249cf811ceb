import { checkPromotion } from './promotion';
import { acme, globex, ok, phase, solo, standard } from './lifecycle.fixtures';
import type { DeploymentKey, Lifecycle, TenantReach } from './lifecycle.types';

type Row = [string, string, TenantReach | null, DeploymentKey[], boolean, string | null, string[]];

describe('checkPromotion', () => {
  it.each<Row>([
    ['phase 1 is always open', 'dev', null, [], true, null, []],
    ['phase 2 waits for phase 1', 'test-a', null, [], false, 'Dev', ['dev']],
    ['phase 2 opens once phase 1 is done', 'test-a', null, [ok('dev')], true, null, []],
    [
      'the other environment of phase 2 too',
      'test-b',
      null,
      [ok('dev'), ok('test-a')],
      true,
      null,
      [],
    ],
    [
      'an optional phase still needs earlier required ones',
      'perf',
      null,
      [ok('dev')],
      false,
      'Test',
      ['test-a', 'test-b'],
    ],
    [
      'minimum 1 of 2 is enough, optional Perf skipped',
      'prod',
      null,
      [ok('dev'), ok('test-b')],
      true,
      null,
      [],
    ],
    [
      'nothing deployed: every missing environment listed',
      'prod',
      null,
      [],
      false,
      'Dev',
      ['dev', 'test-a', 'test-b'],
    ],
    [
      'a forced later success does not fill an earlier gap',
      'prod',
      null,
      [ok('test-a')],
      false,
      'Dev',
      ['dev'],
    ],
    [
      'redeploying where it succeeded is always allowed',
      'prod',
      null,
      [ok('prod')],
      true,
      null,
      [],
    ],
    [
      'tenant successes do not count for untenanted',
      'test-a',
      null,
      [ok('dev', 'acme')],
      false,
      'Dev',
      ['dev'],
    ],
    ['tenant: phase 1 open', 'dev', acme, [], true, null, []],
    ['tenant: own success opens phase 2', 'test-b', acme, [ok('dev', 'acme')], true, null, []],
    [
      'tenant: only connected environments are missing',
      'prod',
      acme,
      [ok('dev', 'acme')],
      false,
      'Test',
      ['test-b'],
    ],
    [
      'tenant: minimum capped to what it reaches',
      'prod',
      acme,
      [ok('dev', 'acme'), ok('test-b', 'acme')],
      true,
      null,
      [],
    ],
    [
      'tenant: untenanted successes do not count',
      'prod',
      acme,
      [ok('dev'), ok('test-b')],
      false,
      'Dev',
      ['dev', 'test-b'],
    ],
    [
      'tenant: other tenants do not count',
      'test-b',
      acme,
      [ok('dev', 'globex')],
      false,
      'Dev',
      ['dev'],
    ],
    ['tenant: phases it reaches nowhere are skipped', 'prod', solo, [], true, null, []],
    ['tenant: first connected phase is open', 'test-a', globex, [], true, null, []],
    [
      'tenant: skipped Dev, Test still required',
      'prod',
      globex,
      [],
      false,
      'Test',
      ['test-a', 'test-b'],
    ],
    ['tenant: redeploy allowed', 'prod', solo, [ok('prod', 'solo')], true, null, []],
  ])('%s', (_case, environmentId, tenant, succeeded, allowed, blockingPhase, missing) => {
    const decision = checkPromotion({ lifecycle: standard, environmentId, tenant, succeeded });
    expect(decision.allowed).toBe(allowed);
    if (!decision.allowed) {
      expect(decision.code).toBe('phase_incomplete');
      expect(decision.blockingPhase).toBe(blockingPhase);
      expect(decision.missingEnvironmentIds).toEqual(missing);
      expect(decision.tenantId).toBe(tenant?.id ?? null);
    }
  });

  const allOfThree: Lifecycle = {
    name: 'L',
    phases: [phase('A', ['a', 'b', 'c']), phase('B', ['d'])],
  };
  const twoOfThree: Lifecycle = {
    name: 'L',
    phases: [
      phase('A', ['a', 'b', 'c'], { minimumEnvironmentsBeforePromotion: 2 }),
      phase('B', ['d']),
    ],
  };
  const onlyA: TenantReach = { id: 't', environmentIds: ['a', 'd'] };
  it.each<[string, Lifecycle, TenantReach | null, string[], boolean, number]>([
    ['minimum 0 means all: 2 of 3 is not enough', allOfThree, null, ['a', 'b'], false, 1],
    ['minimum 0 means all: 3 of 3', allOfThree, null, ['a', 'b', 'c'], true, 0],
    ['minimum 2: one is not enough', twoOfThree, null, ['c'], false, 1],
    ['minimum 2: two are enough', twoOfThree, null, ['a', 'c'], true, 0],
    [
      'minimum 2 capped at 1 for a tenant reaching one environment',
      twoOfThree,
      onlyA,
      ['a'],
      true,
      0,
    ],
    ['capped minimum still needs that environment', twoOfThree, onlyA, [], false, 1],
  ])('%s', (_case, lifecycle, tenant, done, allowed, needed) => {
    const succeeded = done.map((id) => ok(id, tenant?.id ?? null));
    const decision = checkPromotion({ lifecycle, environmentId: 'd', tenant, succeeded });
    expect(decision.allowed).toBe(allowed);
    expect(decision.allowed ? 0 : decision.shortfalls[0].needed).toBe(needed);
  });

  it.each<[string, string, TenantReach | null, DeploymentKey[], string]>([
    [
      'an environment outside the lifecycle',
      'qa',
      null,
      [],
      "environment 'QA' is not part of lifecycle 'Standard'",
    ],
    [
      'a tenant not connected to the environment',
      'test-a',
      acme,
      [],
      "tenant 'Acme' is not connected to environment 'test-a' for this project",
    ],
    [
      'several incomplete phases',
      'prod',
      null,
      [],
      "lifecycle 'Standard' does not allow deploying this release to 'Production' yet: phase 'Dev' needs 1 more successful deployment (missing: 'dev'); phase 'Test' needs 1 more successful deployment (missing: 'test-a', 'test-b')",
    ],
    [
      'a tenant is named',
      'prod',
      acme,
      [ok('dev', 'acme')],
      "lifecycle 'Standard' does not allow deploying this release to 'Production' for tenant 'Acme' yet: phase 'Test' needs 1 more successful deployment (missing: 'test-b')",
    ],
  ])('words the refusal for %s', (_case, environmentId, tenant, succeeded, reason) => {
    const decision = checkPromotion({
      lifecycle: standard,
      environmentId,
      tenant,
      succeeded,
      environmentNames: { qa: 'QA', prod: 'Production' },
    });
    expect(decision).toMatchObject({ allowed: false, reason });
  });

  it.each<[string, DeploymentKey[], boolean, string]>([
    ['first phase', [], false, "phase 'Dev' is the first phase, always open"],
    [
      'redeploy',
      [ok('dev')],
      true,
      "this release already succeeded in 'dev'; redeploying is always allowed",
    ],
  ])('words the permission for %s', (_case, succeeded, redeploy, reason) => {
    expect(
      checkPromotion({ lifecycle: standard, environmentId: 'dev', tenant: null, succeeded }),
    ).toEqual({ allowed: true, redeploy, reason });
  });

  it('names the refusal code for an environment outside the lifecycle', () => {
    const decision = checkPromotion({
      lifecycle: standard,
      environmentId: 'qa',
      tenant: null,
      succeeded: [],
    });
    expect(decision).toMatchObject({
      allowed: false,
      code: 'not_in_lifecycle',
      blockingPhase: null,
      missingEnvironmentIds: [],
    });
  });
});
