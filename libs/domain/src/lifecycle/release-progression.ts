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

/** One environment of a release's progression: its untenanted cell, and how many tenant cells stand where. */
export interface ProgressionSummary {
  environmentId: string;
  phase: string | null;
  /** The untenanted cell (untenanted and mixed projects), or null. */
  untenanted: ProgressionCell | null;
  tenants: { total: number } & Record<ProgressionStatus, number>;
}

/** The progression per environment, in the order of `environments`: what a release shows inline. */
export function summariseProgression(
  cells: readonly ProgressionCell[],
  environments: readonly { id: string }[],
): ProgressionSummary[] {
  return environments.flatMap((environment) => {
    const here = cells.filter((cell) => cell.environmentId === environment.id);
    if (here.length === 0) return [];
    const tenants = { total: 0, deployed: 0, allowed: 0, blocked: 0 };
    for (const cell of here) {
      if (cell.tenantId === null) continue;
      tenants.total += 1;
      tenants[cell.status] += 1;
    }
    return [
      {
        environmentId: environment.id,
        phase: here[0].phase,
        untenanted: here.find((cell) => cell.tenantId === null) ?? null,
        tenants,
      },
    ];
  });
}
