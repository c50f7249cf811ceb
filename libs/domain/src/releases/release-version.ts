import * as semver from 'semver';
import type { FieldError } from '../errors/domain-error';

export const RELEASE_VERSION_MAX_LENGTH = 100;
export const RELEASE_VERSION_PATTERN = /^[A-Za-z0-9._+-]+$/;

/**
 * The version of a new release when none is given: the next patch after the highest semantic
 * version among `existingVersions` (`1.4.2` → `1.4.3`, `v1.4.2` → `1.4.3`, `1.5.0-rc.1` → `1.5.0`);
 * versions that are not semver are ignored. With none, `0.0.1`: the patch after an implicit
 * `0.0.0`, which is also what Octopus' default versioning template gives a project's first release.
 */
export function nextVersion(existingVersions: readonly string[]): string {
  const versions = existingVersions
    .map((version) => semver.valid(version))
    .filter((v): v is string => v !== null);
  if (versions.length === 0) return '0.0.1';
  const highest = versions.reduce((a, b) => (semver.gt(b, a) ? b : a));
  return semver.inc(highest, 'patch') as string;
}

/**
 * The version a new release gets when none is given. When every image has the same tag and that
 * tag is a semantic version (`web=1.4.2 migrate=1.4.2`), the release is that version (`v1.4.2`
 * gives `1.4.2`), so the version the CLI prints is the one the images carry; `fromImages` tells
 * the caller a clash with an existing release is the user's to resolve. A `defaultTag` (the tag CI
 * built every image with) that is a semantic version is the version, whatever else was named.
 * Otherwise the next patch version after the existing ones.
 */
export function defaultReleaseVersion(
  images: Readonly<Record<string, string>>,
  existingVersions: readonly string[],
  defaultTag?: string,
): { version: string; fromImages: boolean } {
  const fromDefault = defaultTag === undefined ? null : semver.valid(defaultTag);
  if (fromDefault) return { version: fromDefault, fromImages: true };
  const tags = new Set(Object.values(images));
  const [only] = tags;
  const shared = tags.size === 1 ? semver.valid(only) : null;
  return shared
    ? { version: shared, fromImages: true }
    : { version: nextVersion(existingVersions), fromImages: false };
}

/** Problems of an explicit version: non-empty, at most 100 characters of `[A-Za-z0-9._+-]`; semver is optional. */
export function versionProblems(version: string, path = 'version'): FieldError[] {
  if (version.length === 0) return [{ path, message: 'must not be empty' }];
  if (version.length > RELEASE_VERSION_MAX_LENGTH)
    return [{ path, message: `must be at most ${RELEASE_VERSION_MAX_LENGTH} characters` }];
  if (!RELEASE_VERSION_PATTERN.test(version))
    return [
      {
        path,
        message: 'may contain only letters, digits, dots, underscores, plus and minus signs',
      },
    ];
  return [];
}

/**
 * Orders release versions, ascending: semver order when both parse (ties broken by the text, so
 * `1.0.0+a` and `1.0.0+b` stay distinct), any semver version above any other, otherwise a natural
 * text order (`build-9` before `build-10`).
 */
export function compareReleaseVersions(a: string, b: string): number {
  const [va, vb] = [semver.valid(a), semver.valid(b)];
  if (va && vb) return semver.compare(va, vb) || compareText(a, b);
  if (va || vb) return va ? 1 : -1;
  return compareText(a, b);
}

function compareText(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true }) || (a < b ? -1 : a > b ? 1 : 0);
}
