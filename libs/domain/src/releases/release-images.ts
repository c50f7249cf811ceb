import type { FieldError } from '../errors/domain-error';
import { isDockerTag } from './docker-tag';

/**
 * Problems of a release's `images` against the step's containers, one per container at
 * `images.<name>`: a container without a tag, a tag that is not a valid Docker tag, and a name that
 * is not a container of the step.
 */
export function releaseImageProblems(
  images: Readonly<Record<string, string>>,
  containerNames: readonly string[],
): FieldError[] {
  const missing = containerNames
    .filter((name) => !Object.hasOwn(images, name))
    .map((name): FieldError => ({
      path: `images.${name}`,
      message: `container '${name}' needs a tag`,
    }));
  const named = Object.entries(images).flatMap(([name, tag]): FieldError[] => {
    if (!containerNames.includes(name))
      return [
        { path: `images.${name}`, message: `'${name}' is not a container of this project's step` },
      ];
    if (typeof tag !== 'string' || !isDockerTag(tag)) {
      return [
        {
          path: `images.${name}`,
          message: `'${String(tag)}' is not a valid Docker tag (a letter, digit or _ then up to 127 of letters, digits, _ . -)`,
        },
      ];
    }
    return [];
  });
  return [...missing, ...named];
}
