import * as semver from 'semver';

/**
 * Ranges include pre-releases, as Octopus' do: a channel excludes them with a tagPattern of `^$`.
 * So `1.5.0-rc.1` satisfies `>=1.2.0 <2.0.0`, and so does `2.0.0-rc.1` (it sorts below 2.0.0).
 */
const RANGE_OPTIONS: semver.RangeOptions = { includePrerelease: true };

/**
 * The semantic version a tag stands for, or null when it is not one. Strict parsing, no coercion:
 * `1.2.3`, `1.2.3-rc.1`, `1.2.3+build.7` and `v1.2.3` (a leading `v`, common on Docker tags, is
 * part of semver's own grammar) parse; `1.2`, `01.2.3`, `latest` and `main-3f2a1c` do not.
 */
export function semverOfTag(tag: string): string | null {
  return semver.valid(tag);
}

/** The range normalised by semver, or null when it is not a valid range (blank is not valid). */
export function validVersionRange(range: string): string | null {
  if (!range.trim()) return null;
  return semver.validRange(range, RANGE_OPTIONS);
}

/** True when the tag is a semantic version inside the range; a tag that is not semver fails. */
export function tagSatisfiesRange(tag: string, range: string): boolean {
  const version = semverOfTag(tag);
  return version !== null && semver.satisfies(version, range, RANGE_OPTIONS);
}

/** The compiled pattern, or null when it is not a valid JavaScript regular expression. */
export function compileTagPattern(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern);
  } catch {
    return null;
  }
}

/**
 * True when a quantified group itself holds a quantifier, as in `(a+)+` or `(\w+-?)*`: such a
 * pattern can backtrack for an exponential time on a tag that almost matches, which would block
 * the server. A heuristic (it does not see `(a|a)*`), applied when a channel rule is stored.
 */
export function nestsQuantifiers(pattern: string): boolean {
  const groups: boolean[] = [];
  let quantifiedInside = false;
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index];
    if (char === '\\') index += 1;
    else if (char === '[') index = endOfClass(pattern, index);
    else if (char === '(') {
      groups.push(quantifiedInside);
      quantifiedInside = false;
    } else if (char === ')') {
      const inner: boolean = quantifiedInside;
      quantifiedInside = (groups.pop() ?? false) || inner;
      if (inner && isQuantifier(pattern, index + 1)) return true;
    } else if (isQuantifier(pattern, index)) quantifiedInside = true;
  }
  return false;
}

function isQuantifier(pattern: string, index: number): boolean {
  return (
    pattern[index] === '*' ||
    pattern[index] === '+' ||
    (pattern[index] === '{' && /^\{\d+,\d*\}/.test(pattern.slice(index)))
  );
}

function endOfClass(pattern: string, start: number): number {
  for (let index = start + 1; index < pattern.length; index += 1) {
    if (pattern[index] === '\\') index += 1;
    else if (pattern[index] === ']') return index;
  }
  return pattern.length;
}

/**
 * True when the pattern matches the whole tag or, for a semver tag, its pre-release part (empty
 * when there is none). Both examples of the spec then work as written: `^$` accepts only versions
 * without a pre-release (Octopus' pre-release tag rule) and `-hotfix` accepts `1.4.2-hotfix.1`.
 * An invalid pattern matches nothing.
 */
export function tagMatchesPattern(tag: string, pattern: string): boolean {
  const regex = compileTagPattern(pattern);
  if (!regex) return false;
  if (regex.test(tag)) return true;
  const version = semverOfTag(tag);
  return version !== null && regex.test(semver.prerelease(version)?.join('.') ?? '');
}
