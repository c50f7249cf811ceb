import { randomUUID } from 'node:crypto';
import { DomainError } from '../errors/domain-error';
import { stepExclusion } from '../process/step-conditions';
import { stepStackName } from '../process/step-stack-name';
import { stepKindOf, type ProcessStep } from '../process/step.schema';
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
  tenants: readonly (Named & { tags?: readonly string[] })[];
  targets: readonly (TargetCandidate & { id: string })[];
}

/** One deployment to create: a release into an environment, for a tenant or untenanted. */
export interface WantedDeployment {
  releaseId: string;
  environmentId: string;
  tenantId: string | null;
}

/** The release's process, and its channel (step conditions read it). */
export interface WantedProcess {
  steps: readonly ProcessStep[];
  channelSlug: string;
}

/** A step of a planned deployment: pending, or skipped because its conditions exclude it. */
export interface PlannedStep {
  slug: string;
  position: number;
  kind: string;
  status: 'pending' | 'skipped';
  reason: string | null;
}

/** One step on one target: the stack it deploys there. */
export interface PlannedTarget {
  stepSlug: string;
  targetId: string;
  stackName: string;
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
  steps: PlannedStep[];
  targets: PlannedTarget[];
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
 * The rows to insert for the wanted deployments: stack key, a row per step of the release's
 * process (skipped, with the reason, when its conditions exclude the deployment), and per step
 * that runs on targets one row per matching target with the step's stack name there. Targets are
 * needed only when such a step runs. With `noTarget: 'refuse'`, every deployment without a
 * target is named in one `no_matching_target` error.
 */
export function planDeployments(
  wanted: readonly (WantedDeployment & WantedProcess)[],
  scope: PlanScope,
  options: PlanOptions,
  newId: () => string = randomUUID,
): PlannedDeployment[] {
  const environments = new Map(scope.environments.map((e) => [e.id, e]));
  const tenants = new Map(scope.tenants.map((t) => [t.id, t]));
  const environmentSlugs = new Map(scope.environments.map((e) => [e.id, e.slug]));
  const refusals: DomainError[] = [];
  const planned = wanted.map((item): PlannedDeployment => {
    const environment = environments.get(item.environmentId);
    const tenant = item.tenantId === null ? null : tenants.get(item.tenantId);
    if (!environment || tenant === undefined)
      throw new Error(`Unknown environment or tenant in ${JSON.stringify(item)}`);
    const { steps: process, channelSlug, ...key } = item;
    const steps = process.map((step, position): PlannedStep => {
      const reason = stepExclusion(step, {
        environmentId: environment.id,
        tenant: tenant ? { tags: tenant.tags ?? [] } : null,
        channelSlug,
        environmentSlugs,
      });
      return {
        slug: step.slug,
        position,
        kind: step.kind,
        status: reason ? 'skipped' : 'pending',
        reason,
      };
    });
    const onTargets = process.filter(
      (step, position) =>
        steps[position].status === 'pending' && stepKindOf(step.kind).scope === 'targets',
    );
    const base = {
      id: newId(),
      ...key,
      steps,
      projectId: scope.project.id,
      stackKey: stackKey(scope.project.id, item.environmentId, item.tenantId),
      forced: options.forced,
      createdBy: options.createdBy,
      createdByKeyId: options.createdByKeyId ?? null,
    };
    if (onTargets.length === 0) return { ...base, status: 'queued', error: null, targets: [] };
    try {
      const targets = requireTargets(scope.targets, {
        environmentId: environment.id,
        tenantId: item.tenantId,
        targetTags: scope.project.targetTags,
        environmentName: environment.name,
        tenantName: tenant?.name,
      });
      return {
        ...base,
        status: 'queued',
        error: null,
        targets: onTargets.flatMap((step) => {
          const name = stepStackName(scope.project.slug, step, environment.slug, tenant?.slug);
          return targets.map((target) => ({
            stepSlug: step.slug,
            targetId: target.id,
            stackName: name,
          }));
        }),
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
