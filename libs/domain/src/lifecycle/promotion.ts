import type {
  DeploymentKey,
  Lifecycle,
  LifecyclePhase,
  NameMap,
  TenantReach,
} from './lifecycle.types';

/** What an earlier phase still lacks before a later phase opens. */
export interface PhaseShortfall {
  phase: string;
  /** How many more environments of the phase need a successful deployment. */
  needed: number;
  /** The phase's environments (connected ones, for a tenant) without a success yet. */
  missingEnvironmentIds: string[];
}

export type PromotionRefusal = 'not_in_lifecycle' | 'tenant_not_connected' | 'phase_incomplete';

export type PromotionDecision =
  | { allowed: true; redeploy: boolean; reason: string }
  | {
      allowed: false;
      code: PromotionRefusal;
      reason: string;
      /** The first incomplete phase, or null when the refusal is not about phases. */
      blockingPhase: string | null;
      /** Every environment missing from every incomplete earlier phase, in lifecycle order. */
      missingEnvironmentIds: string[];
      shortfalls: PhaseShortfall[];
      tenantId: string | null;
    };

export interface PromotionRequest {
  lifecycle: Lifecycle;
  environmentId: string;
  /** The tenant deployed to, or null for an untenanted deployment. */
  tenant: TenantReach | null;
  /** Successful deployments of this release, any tenant; only those of the same tenant (or none) count. */
  succeeded: readonly DeploymentKey[];
  environmentNames?: NameMap;
}

/**
 * Decides whether the lifecycle lets this release be deployed to an environment (for a tenant).
 * Earlier non-optional phases must be complete; for a tenant only the environments it is connected
 * to count, a phase it reaches nowhere is skipped and its minimum is capped at what it reaches.
 * Untenanted and tenanted deployments progress independently.
 */
export function checkPromotion(request: PromotionRequest): PromotionDecision {
  const { lifecycle, environmentId, tenant } = request;
  const name = (id: string) => `'${request.environmentNames?.[id] ?? id}'`;
  const phaseIndex = lifecycle.phases.findIndex((phase) =>
    phase.environments.includes(environmentId),
  );
  if (phaseIndex < 0) {
    return refuse(
      request,
      'not_in_lifecycle',
      `environment ${name(environmentId)} is not part of lifecycle '${lifecycle.name}'`,
      [],
    );
  }
  if (tenant && !tenant.environmentIds.includes(environmentId)) {
    const reason = `tenant '${tenantLabel(tenant)}' is not connected to environment ${name(environmentId)} for this project`;
    return refuse(request, 'tenant_not_connected', reason, []);
  }
  const done = succeededEnvironments(request.succeeded, tenant?.id ?? null);
  if (done.has(environmentId)) {
    return {
      allowed: true,
      redeploy: true,
      reason: `this release already succeeded in ${name(environmentId)}; redeploying is always allowed`,
    };
  }
  const shortfalls = lifecycle.phases
    .slice(0, phaseIndex)
    .filter((phase) => !phase.optional)
    .map((phase) => phaseShortfall(phase, done, tenant))
    .filter((shortfall): shortfall is PhaseShortfall => shortfall !== null);
  if (shortfalls.length === 0) {
    const phase = lifecycle.phases[phaseIndex].name;
    const reason =
      phaseIndex === 0
        ? `phase '${phase}' is the first phase, always open`
        : `every earlier required phase is complete, so phase '${phase}' is open`;
    return { allowed: true, redeploy: false, reason };
  }
  const needs = shortfalls.map(
    (s) =>
      `phase '${s.phase}' needs ${s.needed} more successful deployment${s.needed === 1 ? '' : 's'} (missing: ${s.missingEnvironmentIds.map(name).join(', ')})`,
  );
  const forTenant = tenant ? ` for tenant '${tenantLabel(tenant)}'` : '';
  const reason = `lifecycle '${lifecycle.name}' does not allow deploying this release to ${name(environmentId)}${forTenant} yet: ${needs.join('; ')}`;
  return refuse(request, 'phase_incomplete', reason, shortfalls);
}

/**
 * What a phase still lacks for one tenant (or untenanted when `tenant` is null); null when the phase
 * is complete or, for a tenant, skipped because the tenant reaches none of its environments.
 */
export function phaseShortfall(
  phase: LifecyclePhase,
  done: ReadonlySet<string>,
  tenant: TenantReach | null,
): PhaseShortfall | null {
  const environments = tenant
    ? phase.environments.filter((id) => tenant.environmentIds.includes(id))
    : phase.environments;
  const minimum = phase.minimumEnvironmentsBeforePromotion;
  const required = minimum <= 0 ? environments.length : Math.min(minimum, environments.length);
  const have = environments.filter((id) => done.has(id)).length;
  if (have >= required) return null;
  return {
    phase: phase.name,
    needed: required - have,
    missingEnvironmentIds: environments.filter((id) => !done.has(id)),
  };
}

/** The environments where this release succeeded for one tenant (or untenanted when null). */
export function succeededEnvironments(
  succeeded: readonly DeploymentKey[],
  tenantId: string | null,
): Set<string> {
  return new Set(
    succeeded.filter((key) => key.tenantId === tenantId).map((key) => key.environmentId),
  );
}

function tenantLabel(tenant: TenantReach): string {
  return tenant.name ?? tenant.id;
}

function refuse(
  request: PromotionRequest,
  code: PromotionRefusal,
  reason: string,
  shortfalls: PhaseShortfall[],
): PromotionDecision {
  return {
    allowed: false,
    code,
    reason,
    blockingPhase: shortfalls[0]?.phase ?? null,
    missingEnvironmentIds: shortfalls.flatMap((s) => s.missingEnvironmentIds),
    shortfalls,
    tenantId: request.tenant?.id ?? null,
  };
}
