import { releaseProgression, summariseProgression } from './release-progression';
import { acme, ok, solo, standard } from './lifecycle.fixtures';
import type { DeploymentKey, Tenancy } from './lifecycle.types';

const environments = ['dev', 'test-a', 'test-b', 'perf', 'prod', 'qa'].map((id) => ({
  id,
  name: id.toUpperCase(),
}));
const tenants = [acme, solo];

describe('releaseProgression', () => {
  it.each<[string, Tenancy, DeploymentKey[], string[]]>([
    [
      'untenanted, nothing deployed',
      'untenanted',
      [],
      [
        'dev:allowed',
        'test-a:blocked',
        'test-b:blocked',
        'perf:blocked',
        'prod:blocked',
        'qa:blocked',
      ],
    ],
    [
      'untenanted, dev and test-a deployed',
      'untenanted',
      [ok('dev'), ok('test-a')],
      [
        'dev:deployed',
        'test-a:deployed',
        'test-b:allowed',
        'perf:allowed',
        'prod:allowed',
        'qa:blocked',
      ],
    ],
    [
      'tenanted: one row per connected environment of each tenant',
      'tenanted',
      [ok('dev', 'acme'), ok('dev')],
      ['dev@acme:deployed', 'test-b@acme:allowed', 'prod@acme:blocked', 'prod@solo:allowed'],
    ],
    [
      'mixed: untenanted rows first, then tenants',
      'mixed',
      [ok('dev')],
      [
        'dev:deployed',
        'test-a:allowed',
        'test-b:allowed',
        'perf:blocked',
        'prod:blocked',
        'qa:blocked',
        'dev@acme:allowed',
        'test-b@acme:blocked',
        'prod@acme:blocked',
        'prod@solo:allowed',
      ],
    ],
  ])('%s', (_case, tenancy, succeeded, expected) => {
    const cells = releaseProgression({
      lifecycle: standard,
      environments,
      tenancy,
      tenants,
      succeeded,
    });
    expect(
      cells.map((c) => `${c.environmentId}${c.tenantId ? `@${c.tenantId}` : ''}:${c.status}`),
    ).toEqual(expected);
  });

  it.each([
    ['prod', { phase: 'Prod', status: 'blocked', missingEnvironmentIds: ['test-a', 'test-b'] }],
    [
      'qa',
      {
        phase: null,
        status: 'blocked',
        reason: "environment 'QA' is not part of lifecycle 'Standard'",
      },
    ],
    [
      'dev',
      {
        phase: 'Dev',
        status: 'deployed',
        reason: 'this release has been deployed successfully',
        missingEnvironmentIds: [],
      },
    ],
    [
      'test-a',
      {
        phase: 'Test',
        status: 'allowed',
        reason: "every earlier required phase is complete, so phase 'Test' is open",
      },
    ],
  ])('details the %s cell', (environmentId, expected) => {
    const cells = releaseProgression({
      lifecycle: standard,
      environments,
      tenancy: 'untenanted',
      tenants: [],
      succeeded: [ok('dev')],
    });
    expect(cells.find((c) => c.environmentId === environmentId)).toMatchObject(expected);
  });

  it('words reasons with environment names', () => {
    const [, testA] = releaseProgression({
      lifecycle: standard,
      environments,
      tenancy: 'untenanted',
      tenants: [],
      succeeded: [],
    });
    expect(testA.reason).toContain("(missing: 'DEV')");
  });
});

describe('summariseProgression', () => {
  it('counts tenant cells per environment and keeps the untenanted cell, in environment order', () => {
    const cells = releaseProgression({
      lifecycle: standard,
      tenancy: 'mixed',
      tenants,
      environments,
      succeeded: [ok('dev'), ok('dev', acme.id)],
    });
    const summary = summariseProgression(cells, environments);
    expect(summary.map((row) => row.environmentId)).toEqual(environments.map((e) => e.id));
    const dev = summary[0];
    expect(dev.untenanted).toMatchObject({ tenantId: null, status: 'deployed' });
    const devTenants = cells.filter((cell) => cell.environmentId === 'dev' && cell.tenantId);
    expect(dev.tenants).toEqual({
      total: devTenants.length,
      deployed: devTenants.filter((cell) => cell.status === 'deployed').length,
      allowed: devTenants.filter((cell) => cell.status === 'allowed').length,
      blocked: devTenants.filter((cell) => cell.status === 'blocked').length,
    });
    expect(dev.tenants.deployed).toBe(1);
  });

  it('leaves out environments without a cell', () => {
    expect(summariseProgression([], environments)).toEqual([]);
  });
});
