import { UsageError } from '../cli-errors';
import type { Deployment, Ref } from './deployment.types';

export interface RollbackPlan {
  /** The tenant as the user named it, or null for the untenanted deployment. */
  tenant: string | null;
  /** The version live now. */
  live: string;
  /** The release to deploy again. */
  release: { id: string; version: string };
}

const names = (ref: Ref | null, given: string | null) =>
  given === null ? ref === null : ref !== null && (ref.slug === given || ref.id === given);

/**
 * For each tenant (none: the untenanted deployment), the release that succeeded before the live
 * one, from the environment's successful deployments, newest first. The live release is the
 * latest success; a failed or cancelled attempt after it rolled back to it, so it is what runs.
 */
export function previousGoodReleases(
  succeededNewestFirst: readonly Deployment[],
  tenants: readonly string[],
): RollbackPlan[] {
  return (tenants.length ? tenants : [null]).map((tenant) => {
    const cell = succeededNewestFirst.filter((deployment) => names(deployment.tenant, tenant));
    const who = tenant === null ? 'the untenanted deployment' : `tenant '${tenant}'`;
    if (!cell.length)
      throw new UsageError(`nothing to roll back for ${who}: no release succeeded there`);
    const live = cell[0].release;
    const previous = cell.find((deployment) => deployment.release.id !== live.id);
    if (!previous)
      throw new UsageError(
        `nothing to roll back to for ${who}: ${live.version} is the only release that succeeded there`,
      );
    return { tenant, live: live.version, release: previous.release };
  });
}
