import { tenantMatchesTags } from '../targets/tenant-tags';
import type { ProcessStep } from './step.schema';

type Conditions = Pick<
  ProcessStep,
  'slug' | 'environments' | 'excludeEnvironments' | 'tenantTags' | 'channels'
>;

/** Where a deployment goes, as step conditions see it. */
export interface StepPlace {
  environmentId: string;
  /** null for an untenanted deployment. */
  tenant: { tags: readonly string[] } | null;
  /** The release's channel. */
  channelSlug: string;
  /** Slugs of environments by id, to word a reason. */
  environmentSlugs?: ReadonlyMap<string, string>;
}

/**
 * Why a step does not run for this deployment, or null when it runs: its environments (when
 * given) must include the environment and its excluded environments must not; its tenant tags
 * (when given) must match the tenant's the way Octopus matches them, and exclude an untenanted
 * deployment; its channels (when given) must include the release's channel.
 */
export function stepExclusion(step: Conditions, place: StepPlace): string | null {
  const names = (ids: readonly string[]) =>
    ids.map((id) => place.environmentSlugs?.get(id) ?? id).join(', ');
  if (step.environments.length && !step.environments.includes(place.environmentId))
    return `it runs only in ${names(step.environments)}`;
  if (step.excludeEnvironments.includes(place.environmentId))
    return `it never runs in ${names([place.environmentId])}`;
  if (step.tenantTags.length) {
    if (!place.tenant)
      return `it runs only for tenants tagged ${step.tenantTags.join(', ')}, and this deployment is untenanted`;
    if (!tenantMatchesTags(place.tenant.tags, step.tenantTags))
      return `it runs only for tenants tagged ${step.tenantTags.join(', ')}`;
  }
  if (step.channels.length && !step.channels.includes(place.channelSlug))
    return `it runs only for releases of channel ${step.channels.join(', ')}`;
  return null;
}

/**
 * Consecutive steps marked `parallelWithPrevious` join the group of the step before them; the
 * groups run in order, the steps of a group at once.
 */
export function parallelGroups<S extends Pick<ProcessStep, 'parallelWithPrevious'>>(
  steps: readonly S[],
): S[][] {
  const groups: S[][] = [];
  steps.forEach((step, index) => {
    if (index > 0 && step.parallelWithPrevious) groups[groups.length - 1].push(step);
    else groups.push([step]);
  });
  return groups;
}
