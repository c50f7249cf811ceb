import {
  automaticDeploymentsAfterSuccess,
  automaticDeploymentsOnCreation,
  mayDueAutomaticAfterSuccess,
} from './automatic-deployments';
import { acme, automaticEverywhere, globex, ok, phase, solo, standard } from './lifecycle.fixtures';
import type { DeploymentKey, Lifecycle, Tenancy } from './lifecycle.types';

const key = (k: DeploymentKey) => `${k.environmentId}${k.tenantId ? `@${k.tenantId}` : ''}`;
const tenants = [acme, solo, globex];

/** Dev (auto) → Test (auto, all of 2) → Prod (auto), with an optional automatic phase 1. */
const optionalFirst: Lifecycle = {
  name: 'OptionalFirst',
  phases: [
    phase('Sandbox', ['sandbox'], { optional: true, automatic: ['sandbox'] }),
    phase('Dev', ['dev'], { automatic: ['dev'] }),
    phase('Prod', ['prod']),
  ],
};
const allOfTest: Lifecycle = {
  name: 'AllOfTest',
  phases: automaticEverywhere.phases.map((p) => ({ ...p, minimumEnvironmentsBeforePromotion: 0 })),
};

describe('automaticDeploymentsOnCreation', () => {
  it.each<[string, Lifecycle, Tenancy, string[]]>([
    ['no automatic environments', standard, 'untenanted', []],
    ['untenanted: phase 1 only', automaticEverywhere, 'untenanted', ['dev']],
    [
      'tenanted: per tenant, from its first connected phase',
      automaticEverywhere,
      'tenanted',
      ['dev@acme', 'prod@solo', 'test-a@globex', 'test-b@globex'],
    ],
    [
      'mixed: untenanted and every tenant',
      automaticEverywhere,
      'mixed',
      ['dev', 'dev@acme', 'prod@solo', 'test-a@globex', 'test-b@globex'],
    ],
    [
      'an optional phase 1 does not hold back phase 2',
      optionalFirst,
      'untenanted',
      ['sandbox', 'dev'],
    ],
  ])('%s', (_case, lifecycle, tenancy, expected) => {
    expect(automaticDeploymentsOnCreation({ lifecycle, tenancy, tenants }).map(key)).toEqual(
      expected,
    );
  });
});

describe('automaticDeploymentsAfterSuccess', () => {
  type Row = [
    string,
    Lifecycle,
    Tenancy,
    DeploymentKey[],
    DeploymentKey,
    DeploymentKey[],
    string[],
  ];
  it.each<Row>([
    [
      'phase 1 done: phase 2 is due',
      automaticEverywhere,
      'untenanted',
      [ok('dev')],
      ok('dev'),
      [],
      ['test-a', 'test-b'],
    ],
    [
      'phase 2 done: cascades past optional Perf to Prod',
      automaticEverywhere,
      'untenanted',
      [ok('dev'), ok('test-a')],
      ok('test-a'),
      [],
      ['perf', 'prod'],
    ],
    [
      'already queued or running ones are left out',
      automaticEverywhere,
      'untenanted',
      [ok('dev'), ok('test-a')],
      ok('test-a'),
      [ok('prod')],
      ['perf'],
    ],
    [
      'queued for another tenant does not count',
      automaticEverywhere,
      'mixed',
      [ok('dev'), ok('test-a')],
      ok('test-a'),
      [ok('prod', 'acme')],
      ['perf', 'prod'],
    ],
    [
      'a second success in an open phase opens nothing',
      automaticEverywhere,
      'untenanted',
      [ok('dev'), ok('test-a'), ok('test-b')],
      ok('test-b'),
      [],
      [],
    ],
    [
      'a redeploy opens nothing',
      automaticEverywhere,
      'untenanted',
      [ok('dev'), ok('dev')],
      ok('dev'),
      [],
      [],
    ],
    [
      'completing an optional phase opens nothing new',
      automaticEverywhere,
      'untenanted',
      [ok('dev'), ok('test-a'), ok('perf')],
      ok('perf'),
      [],
      [],
    ],
    [
      'minimum 0: half of Test is not enough',
      allOfTest,
      'untenanted',
      [ok('dev'), ok('test-a')],
      ok('test-a'),
      [],
      [],
    ],
    [
      'minimum 0: all of Test opens Perf and Prod',
      allOfTest,
      'untenanted',
      [ok('dev'), ok('test-a'), ok('test-b')],
      ok('test-b'),
      [],
      ['perf', 'prod'],
    ],
    [
      'no automatic environments, nothing due',
      standard,
      'untenanted',
      [ok('dev')],
      ok('dev'),
      [],
      [],
    ],
    [
      'tenant: only its connected environments',
      automaticEverywhere,
      'tenanted',
      [ok('dev', 'acme')],
      ok('dev', 'acme'),
      [],
      ['test-b@acme'],
    ],
    [
      'tenant: unconnected Perf is not due, Prod is',
      automaticEverywhere,
      'tenanted',
      [ok('dev', 'acme'), ok('test-b', 'acme')],
      ok('test-b', 'acme'),
      [],
      ['prod@acme'],
    ],
    [
      'tenant: other tenants are unaffected',
      automaticEverywhere,
      'tenanted',
      [ok('test-a', 'globex')],
      ok('test-a', 'globex'),
      [],
      ['prod@globex'],
    ],
    [
      'a tenant not connected to the project',
      automaticEverywhere,
      'tenanted',
      [ok('dev', 'initech')],
      ok('dev', 'initech'),
      [],
      [],
    ],
    [
      'an untenanted success in a tenanted project',
      automaticEverywhere,
      'tenanted',
      [ok('dev')],
      ok('dev'),
      [],
      [],
    ],
    [
      'a tenant success in an untenanted project',
      automaticEverywhere,
      'untenanted',
      [ok('dev', 'acme')],
      ok('dev', 'acme'),
      [],
      [],
    ],
    [
      'optional phase 1 success opens nothing',
      optionalFirst,
      'untenanted',
      [ok('sandbox')],
      ok('sandbox'),
      [],
      [],
    ],
  ])('%s', (_case, lifecycle, tenancy, succeeded, justSucceeded, existing, expected) => {
    const due = automaticDeploymentsAfterSuccess({
      lifecycle,
      tenancy,
      tenants,
      succeeded,
      justSucceeded,
      existing,
    });
    expect(due.map(key)).toEqual(expected);
  });
});

describe('mayDueAutomaticAfterSuccess', () => {
  const prodOnly: Lifecycle = {
    name: 'Prod only',
    phases: [phase('Prod', ['prod'], { automatic: ['prod'] })],
  };
  const devAuto: Lifecycle = {
    name: 'Dev automatic',
    phases: [phase('Dev', ['dev'], { automatic: ['dev'] }), phase('Prod', ['prod'])],
  };
  it.each([
    ['no automatic environment at all', standard, 'dev', false],
    ['the only automatic environment is the one that succeeded', prodOnly, 'prod', false],
    // Cautious: dev is open from the start, but telling so takes the whole promotion check.
    ['the only automatic environment comes before (asks anyway)', devAuto, 'prod', true],
    ['another automatic environment exists', automaticEverywhere, 'dev', true],
    ['an automatic environment elsewhere, even an earlier one', devAuto, 'dev', false],
    ['a success elsewhere with an automatic environment left', prodOnly, 'dev', true],
  ] as [string, Lifecycle, string, boolean][])('%s', (_label, lifecycle, environment, may) => {
    expect(mayDueAutomaticAfterSuccess(lifecycle, environment)).toBe(may);
  });

  it.each([
    ['a later automatic environment', automaticEverywhere, 'test-a'],
    ['the lifecycle without automatic environments', standard, 'dev'],
  ] as [string, Lifecycle, string][])(
    'never says no where automaticDeploymentsAfterSuccess would queue (%s)',
    (_label, lifecycle, environment) => {
      for (const tenancy of ['untenanted', 'tenanted', 'mixed'] as Tenancy[]) {
        const due = automaticDeploymentsAfterSuccess({
          lifecycle,
          tenancy,
          tenants: [acme, globex],
          succeeded: [ok('dev'), ok(environment)],
          justSucceeded: ok(environment),
          existing: [ok('dev'), ok(environment)],
        });
        if (due.length > 0) expect(mayDueAutomaticAfterSuccess(lifecycle, environment)).toBe(true);
      }
    },
  );
});
