import { DomainError, type FieldError } from '../errors/domain-error';
import type { ChannelRule, ChannelWithRules } from './channel-rule.types';
import {
  compileTagPattern,
  semverOfTag,
  tagMatchesPattern,
  tagPatternError,
  tagSatisfiesRange,
  validVersionRange,
} from './tag-rules';

const present = (value: string | null | undefined): value is string =>
  typeof value === 'string' && value.trim() !== '';

/**
 * Problems of a channel's rules before they are stored, with paths like `rules.0.versionRange`:
 * at least one container per rule, each a container of the step; a valid semver range; a valid
 * RE2 regular expression; at least one of versionRange and tagPattern.
 */
export function channelRuleProblems(
  rules: readonly ChannelRule[],
  containerNames: readonly string[],
): FieldError[] {
  return rules.flatMap((rule, index) => {
    const at = `rules.${index}`;
    const problems: FieldError[] = [];
    if (rule.containers.length === 0)
      problems.push({
        path: `${at}.containers`,
        message: 'a rule must name at least one container',
      });
    rule.containers.forEach((name, position) => {
      if (!containerNames.includes(name))
        problems.push({
          path: `${at}.containers.${position}`,
          message: `'${name}' is not a container of this project's step`,
        });
    });
    if (!present(rule.versionRange) && !present(rule.tagPattern)) {
      problems.push({ path: at, message: 'a rule needs a versionRange, a tagPattern or both' });
    }
    if (present(rule.versionRange) && validVersionRange(rule.versionRange) === null) {
      problems.push({
        path: `${at}.versionRange`,
        message: `'${rule.versionRange}' is not a valid semver range (for example '>=1.2.0 <2.0.0')`,
      });
    }
    const patternError = present(rule.tagPattern) ? tagPatternError(rule.tagPattern) : null;
    if (patternError !== null) {
      problems.push({
        path: `${at}.tagPattern`,
        message: `'${rule.tagPattern}' is not a valid regular expression: ${patternError}`,
      });
    }
    return problems;
  });
}

/** One failed check: which container, which tag, which rule (by index) and which field of it. */
export interface ChannelRuleViolation {
  container: string;
  tag: string;
  rule: number;
  field: 'versionRange' | 'tagPattern';
  expected: string;
}

/**
 * Every check a release's images fail against a channel's rules. Each rule applies to the containers
 * it names; a container the images do not mention is left to the release-images check.
 */
export function channelRuleViolations(
  rules: readonly ChannelRule[],
  images: Readonly<Record<string, string>>,
): ChannelRuleViolation[] {
  return rules.flatMap((rule, index) => {
    const pattern = present(rule.tagPattern) ? compileTagPattern(rule.tagPattern) : null;
    return rule.containers
      .filter((container) => Object.hasOwn(images, container))
      .flatMap((container) => {
        const tag = images[container];
        const failed: ChannelRuleViolation[] = [];
        if (present(rule.versionRange) && !tagSatisfiesRange(tag, rule.versionRange)) {
          failed.push({
            container,
            tag,
            rule: index,
            field: 'versionRange',
            expected: rule.versionRange,
          });
        }
        if (present(rule.tagPattern) && !tagMatchesPattern(tag, pattern)) {
          failed.push({
            container,
            tag,
            rule: index,
            field: 'tagPattern',
            expected: rule.tagPattern,
          });
        }
        return failed;
      });
  });
}

/**
 * Throws `channel_rule_violated` when the images break any rule of the channel, with one error per
 * failed check, e.g. `{path: 'images.web', message: "tag '2.0.0' does not satisfy versionRange
 * '>=1.2.0 <2.0.0' of channel 'default'"}`.
 */
export function assertChannelRules(
  channel: ChannelWithRules,
  images: Readonly<Record<string, string>>,
): void {
  const violations = channelRuleViolations(channel.rules, images);
  if (violations.length === 0) return;
  const errors = violations.map((v): FieldError => ({
    path: `images.${v.container}`,
    message: violationMessage(v, channel.name),
  }));
  const message = `The images break ${violations.length === 1 ? 'a version rule' : 'version rules'} of channel '${channel.name}'.`;
  throw new DomainError('channel_rule_violated', message, errors, {
    channel: channel.name,
    violations,
  });
}

function violationMessage(v: ChannelRuleViolation, channel: string): string {
  const verb = v.field === 'versionRange' ? 'does not satisfy' : 'does not match';
  const why =
    v.field === 'versionRange' && semverOfTag(v.tag) === null
      ? ' (it is not a semantic version)'
      : '';
  return `tag '${v.tag}' ${verb} ${v.field} '${v.expected}' of channel '${channel}'${why}`;
}
