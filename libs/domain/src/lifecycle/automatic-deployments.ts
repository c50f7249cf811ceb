import { checkPromotion } from './promotion';
import type { DeploymentKey, Lifecycle, Tenancy, TenantReach } from './lifecycle.types';

/** The project side of a release: its effective lifecycle, tenancy and connected tenants. */
export interface ReleaseContext {
  lifecycle: Lifecycle;
  tenancy: Tenancy;
  /** Tenants connected to the project, with the environments they are connected to. */
  tenants: readonly TenantReach[];
}

export interface AfterSuccess extends ReleaseContext {
  /** Every successful deployment of this release, the new one included. */
  succeeded: readonly DeploymentKey[];
  justSucceeded: DeploymentKey;
  /** Deployments of this release already queued, running or succeeded: never queued twice. */
  existing: readonly DeploymentKey[];
}

/**
 * Automatic deployments due when a release is created: every `automatic` environment already open
 * with no success at all. That is phase 1, plus later phases that only optional phases (or, for a
 * tenant, phases it is connected nowhere in) stand before. Untenanted projects get untenanted
 * deployments, tenanted projects one per connected tenant, mixed projects both.
 */
export function automaticDeploymentsOnCreation(context: ReleaseContext): DeploymentKey[] {
  return scopesOf(context).flatMap((tenant) =>
    automaticEnvironments(context.lifecycle)
      .filter((environmentId) => isOpen(context.lifecycle, environmentId, tenant, []))
      .map((environmentId) => ({ environmentId, tenantId: tenant?.id ?? null })),
  );
}

/**
 * Automatic deployments due after a deployment succeeded: the `automatic` environments this success
 * opened for the same tenant (or untenanted), which cascades past optional phases, minus those in
 * `existing`. Environments that were already open are not due again, so a failed automatic
 * deployment is not retried by later successes.
 */
export function automaticDeploymentsAfterSuccess(input: AfterSuccess): DeploymentKey[] {
  const { lifecycle, justSucceeded } = input;
  const tenant = scopesOf(input).find((scope) => (scope?.id ?? null) === justSucceeded.tenantId);
  if (tenant === undefined) return [];
  const after = [...input.succeeded, justSucceeded];
  const before = withoutOne(input.succeeded, justSucceeded);
  const queued = new Set(
    input.existing
      .filter((key) => key.tenantId === justSucceeded.tenantId)
      .map((key) => key.environmentId),
  );
  return automaticEnvironments(lifecycle)
    .filter((environmentId) => !queued.has(environmentId))
    .filter(
      (environmentId) =>
        isOpen(lifecycle, environmentId, tenant, after) &&
        !isOpen(lifecycle, environmentId, tenant, before),
    )
    .map((environmentId) => ({ environmentId, tenantId: justSucceeded.tenantId }));
}

/**
 * Whether a success in `environmentId` could make any automatic deployment due: only when the
 * lifecycle has an automatic environment besides that one (which the success itself fills). When
 * it has not, the release's tenants and deployments need not even be read.
 */
export function mayDueAutomaticAfterSuccess(lifecycle: Lifecycle, environmentId: string): boolean {
  return automaticEnvironments(lifecycle).some((id) => id !== environmentId);
}

/** null stands for the untenanted scope. */
export function scopesOf(context: ReleaseContext): (TenantReach | null)[] {
  if (context.tenancy === 'untenanted') return [null];
  if (context.tenancy === 'tenanted') return [...context.tenants];
  return [null, ...context.tenants];
}

function automaticEnvironments(lifecycle: Lifecycle): string[] {
  return lifecycle.phases.flatMap((phase) =>
    phase.environments.filter((id) => phase.automatic.includes(id)),
  );
}

function isOpen(
  lifecycle: Lifecycle,
  environmentId: string,
  tenant: TenantReach | null,
  succeeded: readonly DeploymentKey[],
): boolean {
  const decision = checkPromotion({ lifecycle, environmentId, tenant, succeeded });
  return decision.allowed && !decision.redeploy;
}

function withoutOne(keys: readonly DeploymentKey[], removed: DeploymentKey): DeploymentKey[] {
  const index = keys.findIndex(
    (key) => key.environmentId === removed.environmentId && key.tenantId === removed.tenantId,
  );
  return index < 0 ? [...keys] : [...keys.slice(0, index), ...keys.slice(index + 1)];
}
