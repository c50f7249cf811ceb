import { createHash } from 'node:crypto';

/** CloudFormation stack names: at most 128 characters, letters, digits and hyphens, starting with a letter. */
export const STACK_NAME_MAX_LENGTH = 128;

/**
 * The stack name of a (project, environment, tenant) triple: `gantry-<project>-<environment>[-<tenant>]`.
 * The same name is used for the task definition family and the service, so every release is a new
 * revision of the same family and an update of the same service. Names that would exceed the limit
 * are cut and end in a short hash of the full name, so two long names never collide.
 */
export function stackName(
  projectSlug: string,
  environmentSlug: string,
  tenantSlug?: string | null,
): string {
  const full = ['gantry', projectSlug, environmentSlug, tenantSlug]
    .filter((part): part is string => Boolean(part))
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-');
  if (full.length <= STACK_NAME_MAX_LENGTH) return full;
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 8);
  return `${full.slice(0, STACK_NAME_MAX_LENGTH - 9).replace(/-+$/, '')}-${hash}`;
}
