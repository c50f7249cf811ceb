import { scopesOf, type ReleaseContext } from './automatic-deployments';
import { checkPromotion } from './promotion';
import type { DeploymentKey, TenantReach } from './lifecycle.types';

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
  const cellOf = progressionCells(input);
  return scopesOf(input).flatMap((tenant) =>
    input.environments
      .filter((environment) => !tenant || tenant.environmentIds.includes(environment.id))
      .map((environment) => cellOf(environment.id, tenant)),
  );
}

/**
 * The cell of one environment for one tenant (or untenanted), for any tenant of `input.succeeded`:
 * a page of the progression computes its own cells and no other.
 */
export function progressionCells(
  input: Omit<ProgressionInput, 'tenants' | 'tenancy'>,
): (environmentId: string, tenant: TenantReach | null) => ProgressionCell {
  const environmentNames = Object.fromEntries(
    input.environments.filter((e) => e.name).map((e) => [e.id, e.name as string]),
  );
  const byTenant = new Map<string | null, DeploymentKey[]>();
  for (const key of input.succeeded) {
    const list = byTenant.get(key.tenantId) ?? [];
    list.push(key);
    byTenant.set(key.tenantId, list);
  }
  return (environmentId, tenant) => {
    const decision = checkPromotion({
      lifecycle: input.lifecycle,
      environmentId,
      tenant,
      succeeded: byTenant.get(tenant?.id ?? null) ?? [],
      environmentNames,
    });
    const phase =
      input.lifecycle.phases.find((candidate) => candidate.environments.includes(environmentId))
        ?.name ?? null;
    const base = { environmentId, tenantId: tenant?.id ?? null, phase };
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
  };
}

/**
 * Tenants a release's progression cannot tell apart: connected to the same environments of the
 * project, and with this release succeeded in the same ones. Their cells differ only in the
 * tenant's name within the reasons.
 */
export interface TenantProgressionGroup {
  /** Names the group (the same for the same environments and successes). */
  key: string;
  environmentIds: readonly string[];
  succeededEnvironmentIds: readonly string[];
  tenants: number;
}

/** A cell standing for the untenanted scope (`tenants` 1) or for every tenant of a group. */
export interface GroupedProgressionCell extends ProgressionCell {
  /** The group's key for a tenant cell (in `tenantId`'s place), null for the untenanted cell. */
  groupKey: string | null;
  tenants: number;
}

export interface GroupedProgressionInput extends Omit<ProgressionInput, 'tenants' | 'succeeded'> {
  /** Environments where this release succeeded untenanted. */
  untenantedSucceeded: readonly string[];
  tenantGroups: readonly TenantProgressionGroup[];
}

/**
 * The progression with the lifecycle checked once per environment and group of alike tenants
 * rather than per tenant: a release of a thousand tenants that all stand alike is a handful of
 * checks. Cells keep the order of `releaseProgression`, groups in place of tenants.
 */
export function groupedProgression(input: GroupedProgressionInput): GroupedProgressionCell[] {
  const sizes = new Map(input.tenantGroups.map((group) => [group.key, group.tenants]));
  const cells = releaseProgression({
    ...input,
    tenants: input.tenantGroups.map((group) => ({
      id: group.key,
      environmentIds: group.environmentIds,
    })),
    succeeded: [
      ...input.untenantedSucceeded.map((environmentId) => ({ environmentId, tenantId: null })),
      ...input.tenantGroups.flatMap((group) =>
        group.succeededEnvironmentIds.map((environmentId) => ({
          environmentId,
          tenantId: group.key,
        })),
      ),
    ],
  });
  return cells.map((cell) => ({
    ...cell,
    groupKey: cell.tenantId,
    tenants: cell.tenantId === null ? 1 : (sizes.get(cell.tenantId) ?? 0),
  }));
}

/** One environment of a release's progression: its untenanted cell, and how many tenant cells stand where. */
export interface ProgressionSummary {
  environmentId: string;
  phase: string | null;
  /** The untenanted cell (untenanted and mixed projects), or null. */
  untenanted: ProgressionCell | null;
  tenants: { total: number } & Record<ProgressionStatus, number>;
}

/**
 * The progression per environment, in the order of `environments`: what a release shows inline.
 * A cell counts for `tenants` tenants when it says so (a group's cell), else for one.
 */
export function summariseProgression(
  cells: readonly (ProgressionCell & { tenants?: number })[],
  environments: readonly { id: string }[],
): ProgressionSummary[] {
  return environments.flatMap((environment) => {
    const here = cells.filter((cell) => cell.environmentId === environment.id);
    if (here.length === 0) return [];
    const tenants = { total: 0, deployed: 0, allowed: 0, blocked: 0 };
    for (const cell of here) {
      if (cell.tenantId === null) continue;
      const count = cell.tenants ?? 1;
      tenants.total += count;
      tenants[cell.status] += count;
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
