import {
  groupedProgression,
  progressionCells,
  releaseProgression,
  summariseProgression,
} from './release-progression';
import { acme, globex, ok, solo, standard } from './lifecycle.fixtures';
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

describe('groupedProgression', () => {
  // Acme and a second tenant alike (same environments, same successes); Globex apart.
  const twin = { id: 'twin', name: 'Twin', environmentIds: acme.environmentIds };
  const succeeded = [ok('dev'), ok('dev', acme.id), ok('dev', twin.id), ok('test-a', globex.id)];
  const perTenant = releaseProgression({
    lifecycle: standard,
    tenancy: 'mixed',
    tenants: [acme, twin, globex],
    environments,
    succeeded,
  });
  const grouped = groupedProgression({
    lifecycle: standard,
    tenancy: 'mixed',
    environments,
    untenantedSucceeded: ['dev'],
    tenantGroups: [
      {
        key: 'dev,prod,test-b|dev',
        environmentIds: acme.environmentIds,
        succeededEnvironmentIds: ['dev'],
        tenants: 2,
      },
      {
        key: 'prod,test-a,test-b|test-a',
        environmentIds: globex.environmentIds,
        succeededEnvironmentIds: ['test-a'],
        tenants: 1,
      },
    ],
  });

  it('summarises exactly as the per-tenant cells do, with a cell per group', () => {
    expect(summariseProgression(grouped, environments)).toEqual(
      summariseProgression(perTenant, environments).map((row) => ({
        ...row,
        untenanted: row.untenanted && expect.objectContaining(row.untenanted),
      })),
    );
    expect(grouped.filter((cell) => cell.groupKey !== null)).toHaveLength(6);
    expect(grouped.reduce((sum, cell) => sum + cell.tenants, 0)).toBe(perTenant.length);
  });

  it('gives each group the status of its tenants', () => {
    const statusOf = (cells: { environmentId: string; status: string }[], environmentId: string) =>
      cells.find((cell) => cell.environmentId === environmentId)?.status;
    const acmeGroup = grouped.filter((cell) => cell.groupKey === 'dev,prod,test-b|dev');
    const acmeCells = perTenant.filter((cell) => cell.tenantId === acme.id);
    for (const environmentId of acme.environmentIds)
      expect(statusOf(acmeGroup, environmentId)).toBe(statusOf(acmeCells, environmentId));
  });
});

describe('progressionCells', () => {
  it('computes one cell as the whole matrix does, reasons naming the tenant', () => {
    const input = { lifecycle: standard, environments, succeeded: [ok('dev', acme.id)] };
    const matrix = releaseProgression({ ...input, tenancy: 'tenanted', tenants: [acme] });
    const cellOf = progressionCells(input);
    for (const cell of matrix) expect(cellOf(cell.environmentId, acme)).toEqual(cell);
    expect(cellOf('prod', acme).reason).toContain("tenant 'Acme'");
  });
});
