import { randomUUID } from 'node:crypto';
import { DomainError } from '../errors/domain-error';
import { stackName } from '../naming/stack-name';
import { requireTargets, type TargetCandidate } from '../targets';
import { stackKey } from './stack-key';

interface Named {
  id: string;
  slug: string;
  name: string;
}

/** Everything target resolution needs, loaded once for a whole fan-out. */
export interface PlanScope {
  project: { id: string; slug: string; targetTags: readonly string[] };
  environments: readonly Named[];
  tenants: readonly Named[];
  targets: readonly (TargetCandidate & { id: string })[];
}

/** One deployment to create: a release into an environment, for a tenant or untenanted. */
export interface WantedDeployment {
  releaseId: string;
  environmentId: string;
  tenantId: string | null;
}

/** A deployment to insert, with its targets. `failed` records an automatic deployment that could not start. */
export interface PlannedDeployment extends WantedDeployment {
  id: string;
  projectId: string;
  stackKey: string;
  status: 'queued' | 'failed';
  forced: boolean;
  createdBy: string | null;
  /** The API key that started it (or created the release an automatic one came from). */
  createdByKeyId: string | null;
  error: string | null;
  targets: { targetId: string; stackName: string }[];
}

export interface PlanOptions {
  forced: boolean;
  createdBy: string | null;
  /** The API key behind `createdBy`, when a key started it: a self-approval check compares it. */
  createdByKeyId?: string | null;
  /**
   * `refuse`: no matching target is a 422 (a person asked). `record`: the deployment is stored as
   * failed with the reason (an automatic deployment, so the release or the success that triggered
   * it still goes through and the failure is visible where people look).
   */
  noTarget: 'refuse' | 'record';
}

/**
 * The rows to insert for the wanted deployments: stack key, and one target row per matching
 * target with its stack name. With `noTarget: 'refuse'`, every deployment without a target is
 * named in one `no_matching_target` error.
 */
export function planDeployments(
  wanted: readonly WantedDeployment[],
  scope: PlanScope,
  options: PlanOptions,
  newId: () => string = randomUUID,
): PlannedDeployment[] {
  const environments = new Map(scope.environments.map((e) => [e.id, e]));
  const tenants = new Map(scope.tenants.map((t) => [t.id, t]));
  const refusals: DomainError[] = [];
  const planned = wanted.map((item): PlannedDeployment => {
    const environment = environments.get(item.environmentId);
    const tenant = item.tenantId === null ? null : tenants.get(item.tenantId);
    if (!environment || tenant === undefined)
      throw new Error(`Unknown environment or tenant in ${JSON.stringify(item)}`);
    const base = {
      id: newId(),
      ...item,
      projectId: scope.project.id,
      stackKey: stackKey(scope.project.id, item.environmentId, item.tenantId),
      forced: options.forced,
      createdBy: options.createdBy,
      createdByKeyId: options.createdByKeyId ?? null,
    };
    try {
      const targets = requireTargets(scope.targets, {
        environmentId: environment.id,
        tenantId: item.tenantId,
        targetTags: scope.project.targetTags,
        environmentName: environment.name,
        tenantName: tenant?.name,
      });
      const name = stackName(scope.project.slug, environment.slug, tenant?.slug);
      return {
        ...base,
        status: 'queued',
        error: null,
        targets: targets.map((target) => ({ targetId: target.id, stackName: name })),
      };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refusals.push(error);
      return { ...base, status: 'failed', error: error.message, targets: [] };
    }
  });
  if (options.noTarget === 'refuse' && refusals.length) throw combined(refusals);
  return planned;
}

function combined(refusals: DomainError[]): DomainError {
  if (refusals.length === 1) return refusals[0];
  const message = `${refusals.length} of the requested deployments have no matching ECS cluster target. ${refusals[0].message}`;
  return new DomainError(
    'no_matching_target',
    message,
    refusals.map((refusal) => ({ path: 'tenants', message: refusal.message })),
    { missing: refusals.map((refusal) => refusal.details) },
  );
}
