import { DomainError } from '../errors/domain-error';
import { assertChannelRules, channelRuleProblems, channelRuleViolations } from './channel-rules';
import type { ChannelRule } from './channel-rule.types';

const containers = ['web', 'worker', 'migrate'];
const range = (versionRange: string, ...names: string[]): ChannelRule => ({
  containers: names,
  versionRange,
});
const pattern = (tagPattern: string, ...names: string[]): ChannelRule => ({
  containers: names,
  tagPattern,
});

describe('channelRuleProblems', () => {
  it.each<[string, ChannelRule[], string[]]>([
    ['no rules', [], []],
    [
      'valid rules',
      [
        range('>=1.2.0 <2.0.0', 'web'),
        { containers: ['worker', 'migrate'], versionRange: '^1.0.0', tagPattern: '^$' },
      ],
      [],
    ],
    [
      'a bad range',
      [range('[1.0,2.0)', 'web')],
      [
        "rules.0.versionRange: '[1.0,2.0)' is not a valid semver range (for example '>=1.2.0 <2.0.0')",
      ],
    ],
    [
      'a bad regular expression',
      [pattern('(', 'web')],
      ["rules.0.tagPattern: '(' is not a valid regular expression: missing closing ): `(`"],
    ],
    [
      'neither field',
      [{ containers: ['web'] }],
      ['rules.0: a rule needs a versionRange, a tagPattern or both'],
    ],
    [
      'blank fields count as absent',
      [{ containers: ['web'], versionRange: ' ', tagPattern: '' }],
      ['rules.0: a rule needs a versionRange, a tagPattern or both'],
    ],
    [
      'null fields count as absent',
      [{ containers: ['web'], versionRange: null, tagPattern: null }],
      ['rules.0: a rule needs a versionRange, a tagPattern or both'],
    ],
    ['no container', [range('*')], ['rules.0.containers: a rule must name at least one container']],
    [
      'an unknown container',
      [range('*', 'web'), range('*', 'web', 'api')],
      ["rules.1.containers.1: 'api' is not a container of this project's step"],
    ],
    [
      'every problem of every rule',
      [{ containers: ['db'], versionRange: 'x.y.z!', tagPattern: '[' }, { containers: [] }],
      [
        "rules.0.containers.0: 'db' is not a container of this project's step",
        "rules.0.versionRange: 'x.y.z!' is not a valid semver range (for example '>=1.2.0 <2.0.0')",
        "rules.0.tagPattern: '[' is not a valid regular expression: missing closing ]: `[`",
        'rules.1.containers: a rule must name at least one container',
        'rules.1: a rule needs a versionRange, a tagPattern or both',
      ],
    ],
  ])('%s', (_case, rules, expected) => {
    expect(channelRuleProblems(rules, containers).map((e) => `${e.path}: ${e.message}`)).toEqual(
      expected,
    );
  });
});

describe('channelRuleViolations', () => {
  const images = { web: '1.5.0', worker: '2.0.0-hotfix.1', migrate: 'latest' };
  it.each<[string, ChannelRule[], string[]]>([
    ['no rules: anything goes', [], []],
    ['a satisfied range', [range('>=1.2.0 <2.0.0', 'web')], []],
    ['a rule names only some containers', [range('^1.0.0', 'web')], []],
    ['a range failed', [range('^1.0.0', 'web', 'worker')], ['worker@0.versionRange']],
    ['a non-semver tag fails any range', [range('*', 'migrate')], ['migrate@0.versionRange']],
    ['a non-semver tag may pass a pattern', [pattern('^latest$', 'migrate')], []],
    ['pre-release part pattern', [pattern('^$', 'web', 'worker')], ['worker@0.tagPattern']],
    ['whole-tag pattern', [pattern('-hotfix', 'worker')], []],
    [
      'both fields of one rule fail',
      [{ containers: ['web'], versionRange: '>=2.0.0', tagPattern: '-hotfix' }],
      ['web@0.versionRange', 'web@0.tagPattern'],
    ],
    [
      'several rules, each checked',
      [range('^1.0.0', 'web'), pattern('^$', 'web', 'worker'), range('>=3.0.0', 'worker')],
      ['worker@1.tagPattern', 'worker@2.versionRange'],
    ],
    ['a container missing from the images is not checked here', [range('^1.0.0', 'api')], []],
  ])('%s', (_case, rules, expected) => {
    expect(
      channelRuleViolations(rules, images).map((v) => `${v.container}@${v.rule}.${v.field}`),
    ).toEqual(expected);
  });
});

describe('assertChannelRules', () => {
  const catchError = (fn: () => void): DomainError => {
    try {
      fn();
    } catch (error) {
      return error as DomainError;
    }
    throw new Error('expected a DomainError');
  };

  it('accepts images that keep every rule', () => {
    expect(() =>
      assertChannelRules(
        { name: 'default', rules: [range('>=1.2.0 <2.0.0', 'web')] },
        { web: '1.2.0' },
      ),
    ).not.toThrow();
  });

  it.each([
    [
      { web: '2.0.0' },
      [
        {
          path: 'images.web',
          message:
            "tag '2.0.0' does not satisfy versionRange '>=1.2.0 <2.0.0' of channel 'default'",
        },
      ],
    ],
    [
      { web: 'latest' },
      [
        {
          path: 'images.web',
          message:
            "tag 'latest' does not satisfy versionRange '>=1.2.0 <2.0.0' of channel 'default' (it is not a semantic version)",
        },
        {
          path: 'images.web',
          message: "tag 'latest' does not match tagPattern '^$' of channel 'default'",
        },
      ],
    ],
    [
      { web: '1.3.0-rc.1' },
      [
        {
          path: 'images.web',
          message: "tag '1.3.0-rc.1' does not match tagPattern '^$' of channel 'default'",
        },
      ],
    ],
  ])('refuses %j with channel_rule_violated', (images, errors) => {
    const rules = [range('>=1.2.0 <2.0.0', 'web'), pattern('^$', 'web')];
    const error = catchError(() => assertChannelRules({ name: 'default', rules }, images));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('channel_rule_violated');
    expect(error.errors).toEqual(errors);
    expect(error.details).toMatchObject({ channel: 'default' });
  });
});
