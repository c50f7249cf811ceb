import { RE2JS } from 're2js';
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

/**
 * Tag patterns are user input matched on every release, so they run on RE2 (linear time in the
 * tag's length, whatever the pattern) rather than JavaScript's backtracking RegExp, where a
 * pattern like `^(a+)+$` can block the server for minutes on a tag that almost matches. RE2 has
 * no lookaround or backreferences; everything else a tag rule needs reads as in JavaScript.
 * Returns the compiled pattern, or null when it is not a valid RE2 regular expression.
 */
export function compileTagPattern(pattern: string): RE2JS | null {
  const compiled = tryCompile(pattern);
  return 'regex' in compiled ? compiled.regex : null;
}

/** Why the pattern is not a valid RE2 regular expression, or null when it is one. */
export function tagPatternError(pattern: string): string | null {
  const compiled = tryCompile(pattern);
  return 'error' in compiled ? compiled.error : null;
}

function tryCompile(pattern: string): { regex: RE2JS } | { error: string } {
  try {
    return { regex: RE2JS.compile(pattern) };
  } catch (error) {
    return { error: (error as Error).message.replace(/^error parsing regexp: /, '') };
  }
}

/**
 * True when the pattern matches the whole tag or, for a semver tag, its pre-release part (empty
 * when there is none). Both examples of the spec then work as written: `^$` accepts only versions
 * without a pre-release (Octopus' pre-release tag rule) and `-hotfix` accepts `1.4.2-hotfix.1`.
 * An invalid pattern matches nothing. Give it compiled (`compileTagPattern`) to match many tags.
 */
export function tagMatchesPattern(tag: string, pattern: string | RE2JS | null): boolean {
  const regex = typeof pattern === 'string' ? compileTagPattern(pattern) : pattern;
  if (!regex) return false;
  if (regex.test(tag)) return true;
  const version = semverOfTag(tag);
  return version !== null && regex.test(semver.prerelease(version)?.join('.') ?? '');
}
