import { DomainError, slugify } from '@gantry/domain';

/** The slug given, or one derived from the name; a name with no usable characters needs a slug. */
export function slugFor(input: { name: string; slug?: string }): string {
  const slug = input.slug ?? slugify(input.name);
  if (!slug)
    throw new DomainError(
      'validation_failed',
      'A slug cannot be derived from this name; give one.',
      [{ path: 'slug', message: 'required when the name has no letters or digits' }],
    );
  return slug;
}
