import { tenantMatchesTags, tenantTagProblems } from './tenant-tags';

describe('tenantTagProblems', () => {
  it.each<[string[], string[]]>([
    [['tier/gold', 'region/eu-west', 'Tier/Gold Plus'], []],
    [['gold'], ["tags.0: 'gold' is not a tag of the form group/value (e.g. tier/gold)"]],
    [['tier/'], ["tags.0: 'tier/' is not a tag of the form group/value (e.g. tier/gold)"]],
    [['/gold'], ["tags.0: '/gold' is not a tag of the form group/value (e.g. tier/gold)"]],
    [['a/b/c'], ["tags.0: 'a/b/c' is not a tag of the form group/value (e.g. tier/gold)"]],
    [
      ['tier/gold', ' tier/gold'],
      ["tags.1: ' tier/gold' is not a tag of the form group/value (e.g. tier/gold)"],
    ],
    [
      ['tier /gold'],
      ["tags.0: 'tier /gold' is not a tag of the form group/value (e.g. tier/gold)"],
    ],
    [[''], ["tags.0: '' is not a tag of the form group/value (e.g. tier/gold)"]],
  ])('%j', (tags, expected) => {
    expect(tenantTagProblems(tags).map((e) => `${e.path}: ${e.message}`)).toEqual(expected);
  });

  it('uses the given path', () => {
    expect(tenantTagProblems(['x'], 'tenantTags')[0].path).toBe('tenantTags.0');
  });
});

describe('tenantMatchesTags', () => {
  const gold = ['tier/gold', 'region/eu'];
  it.each<[string[], string[], boolean]>([
    [gold, [], true],
    [gold, ['tier/gold'], true],
    [gold, ['tier/silver'], false],
    [gold, ['tier/silver', 'tier/gold'], true],
    [gold, ['tier/gold', 'region/eu'], true],
    [gold, ['tier/gold', 'region/us'], false],
    [gold, ['tier/gold', 'tier/silver', 'region/us', 'region/eu'], true],
    [gold, ['Tier/Gold'], false],
    [[], ['tier/gold'], false],
  ])('tenant %j with filter %j: %s', (tenantTags, filter, expected) => {
    expect(tenantMatchesTags(tenantTags, filter)).toBe(expected);
  });
});
