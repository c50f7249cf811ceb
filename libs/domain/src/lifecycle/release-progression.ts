import { scopesOf, type ReleaseContext } from './automatic-deployments';
import { checkPromotion } from './promotion';
import type { DeploymentKey } from './lifecycle.types';

export type ProgressionStatus = 'deployed' | 'allowed' | 'blocked';

/** Where one release stands in one environment, for one tenant or untenanted. */
export interface ProgressionCell {
  environmentId: string;
  tenantId: string | null;
  /** The lifecycle phase holding the environment, or null when the lifecycle lacks it. */
  phase: string | null;
  status: ProgressionStatus;
  reason: string;
  /** For a blocked cell, the environments still missing (empty otherwise). */
  missingEnvironmentIds: string[];
}

export interface ProgressionInput extends ReleaseContext {
  /** Every environment, ordered by position; names word the reasons. */
  environments: readonly { id: string; name?: string }[];
  /** Successful deployments of this release. */
  succeeded: readonly DeploymentKey[];
}

/**
 * The progression matrix of a release: untenanted cells for every environment (untenanted and mixed
 * projects), then for each connected tenant a cell per environment it is connected to. Cells keep
 * the order of `environments`, then of `tenants`.
 */
export function releaseProgression(input: ProgressionInput): ProgressionCell[] {
  const environmentNames = Object.fromEntries(
    input.environments.filter((e) => e.name).map((e) => [e.id, e.name as string]),
  );
  const byTenant = new Map<string | null, DeploymentKey[]>();
  for (const key of input.succeeded) {
    const list = byTenant.get(key.tenantId) ?? [];
    list.push(key);
    byTenant.set(key.tenantId, list);
  }
  return scopesOf(input).flatMap((tenant) =>
    input.environments
      .filter((environment) => !tenant || tenant.environmentIds.includes(environment.id))
      .map((environment): ProgressionCell => {
        const decision = checkPromotion({
          lifecycle: input.lifecycle,
          environmentId: environment.id,
          tenant,
          succeeded: byTenant.get(tenant?.id ?? null) ?? [],
          environmentNames,
        });
        const phase =
          input.lifecycle.phases.find((candidate) =>
            candidate.environments.includes(environment.id),
          )?.name ?? null;
        const base = { environmentId: environment.id, tenantId: tenant?.id ?? null, phase };
        if (!decision.allowed)
          return {
            ...base,
            status: 'blocked',
            reason: decision.reason,
            missingEnvironmentIds: decision.missingEnvironmentIds,
          };
        if (decision.redeploy)
          return {
            ...base,
            status: 'deployed',
            reason: 'this release has been deployed successfully',
            missingEnvironmentIds: [],
          };
        return { ...base, status: 'allowed', reason: decision.reason, missingEnvironmentIds: [] };
      }),
  );
}
