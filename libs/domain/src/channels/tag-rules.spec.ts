import {
  compileTagPattern,
  tagPatternError,
  semverOfTag,
  tagMatchesPattern,
  tagSatisfiesRange,
  validVersionRange,
} from './tag-rules';

describe('semverOfTag', () => {
  it.each([
    ['1.2.3', '1.2.3'],
    ['v1.2.3', '1.2.3'],
    ['1.2.3-rc.1', '1.2.3-rc.1'],
    ['1.2.3+build.7', '1.2.3'],
    ['1.2', null],
    ['01.2.3', null],
    ['=1.2.3', null],
    ['latest', null],
    ['main-3f2a1c', null],
    ['', null],
  ])('%j → %j', (tag, expected) => {
    expect(semverOfTag(tag)).toBe(expected);
  });
});

describe('validVersionRange', () => {
  it.each([
    ['>=1.2.0 <2.0.0', true],
    ['^1.2.0', true],
    ['~1.2', true],
    ['1.x || >=2.5.0', true],
    ['*', true],
    ['[1.0,2.0)', false],
    ['not a range', false],
    ['', false],
    ['  ', false],
  ])('%j valid: %s', (range, valid) => {
    expect(validVersionRange(range) !== null).toBe(valid);
  });
});

describe('tagSatisfiesRange', () => {
  it.each([
    ['1.2.0', '>=1.2.0 <2.0.0', true],
    ['1.9.99', '>=1.2.0 <2.0.0', true],
    ['2.0.0', '>=1.2.0 <2.0.0', false],
    ['1.1.9', '>=1.2.0 <2.0.0', false],
    ['v1.5.0', '>=1.2.0 <2.0.0', true],
    ['1.5.0-rc.1', '>=1.2.0 <2.0.0', true],
    ['2.0.0-rc.1', '>=1.2.0 <2.0.0', true],
    ['1.2.0-rc.1', '>=1.2.0 <2.0.0', false],
    ['1.5.0+build.3', '>=1.2.0 <2.0.0', true],
    ['1.5', '>=1.2.0 <2.0.0', false],
    ['latest', '*', false],
    ['1.0.0-alpha', '*', true],
    ['3.1.4', '^3.0.0', true],
    ['4.0.0', '^3.0.0', false],
  ])('%j in %j: %s', (tag, range, expected) => {
    expect(tagSatisfiesRange(tag, range)).toBe(expected);
  });
});

describe('tagMatchesPattern', () => {
  it.each([
    ['1.2.3', '^$', true],
    ['1.2.3+build.1', '^$', true],
    ['1.2.3-rc.1', '^$', false],
    ['latest', '^$', false],
    ['1.4.2-hotfix.1', '-hotfix', true],
    ['1.4.2', '-hotfix', false],
    ['1.4.2-rc.1', '^rc', true],
    ['1.4.2-beta.1', '^rc', false],
    ['main-3f2a1c', '^main-[0-9a-f]{6}$', true],
    ['feature-3f2a1c', '^main-', false],
    ['latest', '^latest$', true],
    ['1.2.3', '(', false],
  ])('%j against /%s/: %s', (tag, pattern, expected) => {
    expect(tagMatchesPattern(tag, pattern)).toBe(expected);
  });
});

describe('compileTagPattern', () => {
  it.each([
    ['^$', true],
    ['-hotfix', true],
    ['^v?\\d+\\.\\d+\\.\\d+$', true],
    ['^(?<major>\\d+)\\.', true],
    ['(', false],
    ['[a-', false],
    ['a{2,1}', false],
    ['(?=x)', false],
    ['(a)\\1', false],
  ])('%j compiles: %s', (pattern, valid) => {
    expect(compileTagPattern(pattern) !== null).toBe(valid);
  });
});

describe('tagPatternError', () => {
  it.each([
    ['^$', null],
    ['(', 'missing closing ): `(`'],
    ['(?<=v)1', 'invalid named capture: `(?<=v)1`'],
    ['(a)\\1', 'invalid escape sequence: `\\1`'],
  ])('%j: %j', (pattern, error) => {
    expect(tagPatternError(pattern)).toBe(error);
  });
});

describe('tag patterns that make a backtracking engine take exponential time', () => {
  it.each(['^(a+)+$', '^(a|a)*$', '^(\\w+-?)*$', '((ab)+c)+$'])(
    '%j answers on an almost-matching 128-character tag in a moment',
    (pattern) => {
      const almost = `${'a'.repeat(127)}.`;
      expect(tagMatchesPattern(almost, pattern)).toBe(false);
      expect(tagMatchesPattern('a'.repeat(128), pattern)).toBe(pattern !== '((ab)+c)+$');
    },
  );
});
