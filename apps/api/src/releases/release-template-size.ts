import { Injectable } from '@nestjs/common';
import {
  DomainError,
  largestCandidates,
  stepBody,
  stepImages,
  stepStackName,
  type EcsServiceStep,
  type ProcessStep,
  type VariableDefinition,
} from '@gantry/domain';
import { ProjectSchedulingContext, SchedulingContextLoader } from '@gantry/scheduling';
import { SnapshotVariable, TargetsRepository } from '@gantry/persistence';
import { renderStack, type NamedRef } from '@gantry/render';

/** What release creation knows of the release before it is written. */
export interface ReleaseDraft {
  channel: NamedRef;
  version: string;
  images: Record<string, string>;
  steps: readonly ProcessStep[];
  variables: readonly SnapshotVariable[];
}

/** Stands for the release id in a size check (the id never reaches a resource or its size). */
const DRAFT_RELEASE_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Refuses, at release creation, a release whose template for some (ecs-service step, environment
 * of its lifecycle) would exceed CloudFormation's 51,200-byte TemplateBody (#11 item 4, #14).
 * One render per step × environment, every variable at the largest value that can apply there
 * (`largestCandidates`): when that fits, every tenant and target fits. Only when it does not are
 * the tenants rendered one by one. A bound that depends on target-scoped values is not refused
 * here (the render at deployment still refuses it); nor is any other render error (a deployment
 * reports those as before).
 */
@Injectable()
export class ReleaseTemplateSize {
  constructor(
    private readonly contexts: SchedulingContextLoader,
    private readonly targets: TargetsRepository,
  ) {}

  /** `context` is the project's, loaded once by release creation for this check and its deployments. */
  async assertFits(context: ProjectSchedulingContext, draft: ReleaseDraft): Promise<void> {
    const services = draft.steps.filter((step) => step.kind === 'ecs-service');
    if (services.length === 0) return;
    const { project } = context;
    const lifecycle = await this.contexts.lifecycleOf(context, draft.channel.id);
    const variables: VariableDefinition[] = draft.variables.map((variable) => ({
      name: variable.name,
      value: variable.value,
      sensitive: variable.sensitive,
      scope: variable.scope,
    }));
    const inLifecycle = new Set(lifecycle.phases.flatMap((phase) => phase.environments));
    const environments = context.environments.filter((env) => inLifecycle.has(env.id));
    const targets = await this.targets.placesIn(environments.map((env) => env.id));
    for (const environment of environments) {
      const tenants = [
        ...(project.tenancy === 'tenanted' ? [] : [null]),
        ...(project.tenancy === 'untenanted'
          ? []
          : context.tenants.filter((tenant) => tenant.environmentIds.includes(environment.id))),
      ];
      if (tenants.length === 0) continue;
      const target = widestTarget(targets.get(environment.id) ?? []);
      const place = {
        environmentId: environment.id,
        channelId: draft.channel.id,
        tenantIds: tenants.map((tenant) => tenant?.id ?? null),
      };
      for (const step of services) {
        const render = (tenant: NamedRef | null, values: VariableDefinition[]) =>
          tooLarge(step, () =>
            renderStack({
              project: { id: project.id, slug: project.slug, name: project.name },
              release: {
                id: DRAFT_RELEASE_ID,
                version: draft.version,
                images: stepImages(draft.images, step),
                step: stepBody(step) as EcsServiceStep,
              },
              environment: { id: environment.id, slug: environment.slug, name: environment.name },
              tenant,
              channel: draft.channel,
              target,
              variables: values,
              stackName: stepStackName(project.slug, step, environment.slug, tenant?.slug),
            }),
          );
        const bound = largestCandidates(variables, place);
        const error = render(widestTenant(tenants), bound.variables);
        if (!error) continue;
        if (bound.exact) throw error;
        // The bound is over the limit: decide per tenant, each exactly (targets aside).
        for (const tenant of tenants) {
          const own = largestCandidates(variables, { ...place, tenantIds: [tenant?.id ?? null] });
          const exactError = render(tenant && named(tenant), own.variables);
          if (exactError && own.exact) throw exactError;
        }
      }
    }
  }
}

/** The render's `template_too_large`, prefixed with the step; null when it fits or fails otherwise. */
function tooLarge(step: ProcessStep, render: () => unknown): DomainError | null {
  try {
    render();
    return null;
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'template_too_large') return null;
    return new DomainError(
      error.code,
      `Step '${step.slug}': ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}`,
      error.errors,
      { ...error.details, step: step.slug },
    );
  }
}

function named(row: { id: string; slug: string; name: string }): NamedRef {
  return { id: row.id, slug: row.slug, name: row.name };
}

/** The tenant whose slug and name put the most bytes into a template (names, tags, description). */
function widestTenant(
  tenants: ReadonlyArray<{ id: string; slug: string; name: string } | null>,
): NamedRef | null {
  let widest: NamedRef | null = null;
  for (const tenant of tenants) {
    if (!tenant) continue;
    if (
      !widest ||
      tenant.slug.length + tenant.name.length > widest.slug.length + widest.name.length
    )
      widest = named(tenant);
  }
  return widest;
}

/** The environment's target with the longest cluster and name (a placeholder when it has none). */
function widestTarget(
  targets: ReadonlyArray<{
    id: string;
    slug: string;
    name: string;
    cluster: string;
    region: string;
  }>,
) {
  const widest = [...targets].sort(
    (a, b) => b.cluster.length + b.name.length - (a.cluster.length + a.name.length),
  )[0];
  return widest
    ? { ...named(widest), cluster: widest.cluster, region: widest.region }
    : {
        id: DRAFT_RELEASE_ID,
        slug: 'target',
        name: 'target',
        cluster: 'cluster',
        region: 'us-east-1',
      };
}
