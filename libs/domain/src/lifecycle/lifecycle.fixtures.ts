import type { DeploymentKey, Lifecycle, LifecyclePhase, TenantReach } from './lifecycle.types';

/** Shared fixtures of the lifecycle specs; environment ids double as names for readable reasons. */
export const phase = (
  name: string,
  environments: string[],
  extra: Partial<LifecyclePhase> = {},
): LifecyclePhase => ({
  name,
  environments,
  automatic: [],
  minimumEnvironmentsBeforePromotion: 0,
  optional: false,
  ...extra,
});

/** Dev → Test (any 1 of 2) → Perf (optional) → Prod. */
export const standard: Lifecycle = {
  name: 'Standard',
  phases: [
    phase('Dev', ['dev']),
    phase('Test', ['test-a', 'test-b'], { minimumEnvironmentsBeforePromotion: 1 }),
    phase('Perf', ['perf'], { optional: true }),
    phase('Prod', ['prod']),
  ],
};

/** The same shape with every environment automatic. */
export const automaticEverywhere: Lifecycle = {
  name: 'Auto',
  phases: standard.phases.map((p) => ({ ...p, automatic: p.environments })),
};

export const acme: TenantReach = {
  id: 'acme',
  name: 'Acme',
  environmentIds: ['dev', 'test-b', 'prod'],
};
export const solo: TenantReach = { id: 'solo', environmentIds: ['prod'] };
export const globex: TenantReach = { id: 'globex', environmentIds: ['test-a', 'test-b', 'prod'] };

/** `ok('dev')` is an untenanted success in dev, `ok('dev', 'acme')` one for tenant acme. */
export const ok = (environmentId: string, tenantId: string | null = null): DeploymentKey => ({
  environmentId,
  tenantId,
});
