import { DomainError } from '../errors/domain-error';

/** Which deployments a target takes: untenanted only, tenanted only, or both. */
export type TenantedMode = 'untenanted' | 'tenanted' | 'mixed';

/** What target selection needs of an ECS cluster target. */
export interface TargetCandidate {
  id: string;
  name?: string;
  environmentIds: readonly string[];
  tags: readonly string[];
  /** Defaults to `untenanted`. */
  tenantedMode?: TenantedMode;
  /** Tenants it serves in `tenanted` and `mixed` mode; empty means any tenant. */
  tenantIds: readonly string[];
}

export interface TargetQuery {
  environmentId: string;
  /** null for an untenanted deployment. */
  tenantId: string | null;
  /** The project's target tags; a target needs one of them (exact, case-sensitive match). */
  targetTags: readonly string[];
  /** Names word the error; ids are used when absent. */
  environmentName?: string;
  tenantName?: string;
}

/**
 * True when the target takes this deployment: `untenanted` targets take only untenanted ones,
 * `tenanted` only tenanted ones for their tenants, `mixed` both (empty tenant list = any tenant).
 */
export function targetAcceptsTenant(target: TargetCandidate, tenantId: string | null): boolean {
  const mode = target.tenantedMode ?? 'untenanted';
  if (tenantId === null) return mode !== 'tenanted';
  if (mode === 'untenanted') return false;
  return target.tenantIds.length === 0 || target.tenantIds.includes(tenantId);
}

/** The targets in the environment, carrying one of the project's tags, that take this tenant (or none). */
export function selectTargets<T extends TargetCandidate>(
  targets: readonly T[],
  query: TargetQuery,
): T[] {
  return targets.filter(
    (target) => inScope(target, query) && targetAcceptsTenant(target, query.tenantId),
  );
}

/**
 * `selectTargets`, but no match is a `no_matching_target` error saying what was looked for and, when
 * targets matched environment and tags but not the tenant, that tenancy is what excluded them.
 */
export function requireTargets<T extends TargetCandidate>(
  targets: readonly T[],
  query: TargetQuery,
): T[] {
  const selected = selectTargets(targets, query);
  if (selected.length > 0) return selected;
  const environment = `'${query.environmentName ?? query.environmentId}'`;
  const tags = query.targetTags.length
    ? `one of the tags ${query.targetTags.map((tag) => `'${tag}'`).join(', ')}`
    : 'a target tag (the project has none)';
  const tenant =
    query.tenantId === null
      ? 'untenanted deployments'
      : `tenant '${query.tenantName ?? query.tenantId}'`;
  const nearMisses = targets
    .filter((target) => inScope(target, query))
    .map((target) => `'${target.name ?? target.id}'`);
  const hint = nearMisses.length
    ? ` ${nearMisses.join(', ')} ${nearMisses.length === 1 ? 'is' : 'are'} in that environment with those tags but do${nearMisses.length === 1 ? 'es' : ''} not take ${tenant}.`
    : '';
  const message = `No ECS cluster target is in environment ${environment}, carries ${tags} and takes ${tenant}.${hint}`;
  throw new DomainError('no_matching_target', message, [], {
    environmentId: query.environmentId,
    tenantId: query.tenantId,
    targetTags: [...query.targetTags],
  });
}

function inScope(target: TargetCandidate, query: TargetQuery): boolean {
  return (
    target.environmentIds.includes(query.environmentId) &&
    target.tags.some((tag) => query.targetTags.includes(tag))
  );
}
