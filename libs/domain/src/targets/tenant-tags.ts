import type { FieldError } from '../errors/domain-error';

/** `group/value`: one slash, both sides non-empty and without surrounding spaces. */
export const TENANT_TAG_PATTERN = /^[^/\s](?:[^/]*[^/\s])?\/[^/\s](?:[^/]*[^/\s])?$/;

/** Problems of a list of tenant tags, with paths like `tenantTags.1`. */
export function tenantTagProblems(tags: readonly string[], path = 'tags'): FieldError[] {
  return tags.flatMap((tag, index) =>
    TENANT_TAG_PATTERN.test(tag)
      ? []
      : [
          {
            path: `${path}.${index}`,
            message: `'${tag}' is not a tag of the form group/value (e.g. tier/gold)`,
          },
        ],
  );
}

/**
 * True when a tenant's tags satisfy a tag filter the way Octopus' tenant tags do: within one group
 * any of the given values will do, and every group given must be satisfied (`tier/gold`,
 * `tier/silver`, `region/eu` means gold or silver, and in eu). Comparison is exact.
 */
export function tenantMatchesTags(
  tenantTags: readonly string[],
  filter: readonly string[],
): boolean {
  const groups = new Map<string, string[]>();
  for (const tag of filter) {
    const group = tag.slice(0, tag.indexOf('/'));
    groups.set(group, [...(groups.get(group) ?? []), tag]);
  }
  return [...groups.values()].every((anyOf) => anyOf.some((tag) => tenantTags.includes(tag)));
}
