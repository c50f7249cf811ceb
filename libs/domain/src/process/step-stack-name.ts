import { stackName } from '../naming/stack-name';
import type { ProcessStep } from './step.schema';

/**
 * The stack a step deploys for an environment (and tenant). A step of the single-step model keeps
 * `gantry-<project>-<env>[-<tenant>]`; every other step gets `gantry-<project>-<step>-<env>[-<tenant>]`.
 * The task definition family and the service name are the same name.
 */
export function stepStackName(
  projectSlug: string,
  step: Pick<ProcessStep, 'slug' | 'legacyStackName'>,
  environmentSlug: string,
  tenantSlug?: string | null,
): string {
  return step.legacyStackName
    ? stackName(projectSlug, environmentSlug, tenantSlug)
    : stackName(`${projectSlug}-${step.slug}`, environmentSlug, tenantSlug);
}
