import {
  compareReleaseVersions,
  defaultReleaseVersion,
  nextVersion,
  versionProblems,
} from './release-version';

describe('defaultReleaseVersion', () => {
  it.each<[Record<string, string>, string]>([
    [{ web: '1.4.2', migrate: '1.4.2' }, '1.4.2'],
    [{ web: 'v1.4.2' }, '1.4.2'],
    [{ web: '1.4.3-hotfix.1', migrate: '1.4.3-hotfix.1' }, '1.4.3-hotfix.1'],
  ])('takes the shared tag of %j when it is a version: %s', (images, version) => {
    expect(defaultReleaseVersion(images, ['1.0.0'])).toEqual({ version, fromImages: true });
  });

  it.each<Record<string, string>>([
    { web: '1.4.2', migrate: '1.4.1' },
    { web: 'latest', migrate: 'latest' },
    { web: 'main-3f2a1c' },
    {},
  ])('falls back to the next patch version for %j', (images) => {
    expect(defaultReleaseVersion(images, ['1.0.0'])).toEqual({
      version: '1.0.1',
      fromImages: false,
    });
  });
});

describe('defaultReleaseVersion with a default tag', () => {
  it.each<[Record<string, string>, string | undefined, string, boolean]>([
    [{ 'web/web': '1.4.2' }, '1.4.2', '1.4.2', true],
    [{ 'web/web': '1.4.2', 'migrate/migrate': 'hotfix' }, '1.4.2', '1.4.2', true],
    [{ 'web/web': 'main-3f2a' }, 'main-3f2a', '1.0.1', false],
    [{ 'web/web': '2.0.0', 'worker/worker': '2.0.0' }, 'latest', '2.0.0', true],
    [{ 'web/web': 'v3.1.0' }, 'v3.1.0', '3.1.0', true],
  ])('%j with defaultTag %s: %s', (images, defaultTag, version, fromImages) => {
    expect(defaultReleaseVersion(images, ['1.0.0'], defaultTag)).toEqual({ version, fromImages });
  });
});

describe('nextVersion', () => {
  it.each<[string[], string]>([
    [[], '0.0.1'],
    [['latest', 'build-42'], '0.0.1'],
    [['1.4.2'], '1.4.3'],
    [['1.4.2', '1.10.0', '1.9.9'], '1.10.1'],
    [['v1.4.2'], '1.4.3'],
    [['1.5.0-rc.1', '1.4.9'], '1.5.0'],
    [['1.5.0-rc.1', '1.5.0'], '1.5.1'],
    [['1.4.2+build.7'], '1.4.3'],
    [['2.0.0', 'release-3', '10.0'], '2.0.1'],
    [['0.0.9'], '0.0.10'],
  ])('after %j comes %s', (existing, expected) => {
    expect(nextVersion(existing)).toBe(expected);
  });

  it.each([[['1.2.3']], [['0.0.1', '0.0.2', 'v0.0.3']]])(
    'never returns an existing version: %j',
    (existing) => {
      expect(existing).not.toContain(nextVersion(existing));
    },
  );
});

describe('versionProblems', () => {
  it.each<[string, string[]]>([
    ['1.2.3', []],
    ['1.2.3-rc.1+build.5', []],
    ['2024.06.01_nightly', []],
    ['latest', []],
    ['x'.repeat(100), []],
    ['', ['version: must not be empty']],
    ['x'.repeat(101), ['version: must be at most 100 characters']],
    [
      '1.2.3 beta',
      ['version: may contain only letters, digits, dots, underscores, plus and minus signs'],
    ],
    ['1/2', ['version: may contain only letters, digits, dots, underscores, plus and minus signs']],
    [
      'café',
      ['version: may contain only letters, digits, dots, underscores, plus and minus signs'],
    ],
  ])('%j', (version, expected) => {
    expect(versionProblems(version).map((e) => `${e.path}: ${e.message}`)).toEqual(expected);
  });
});

describe('compareReleaseVersions', () => {
  it.each<[string, string, number]>([
    ['1.2.3', '1.2.4', -1],
    ['1.10.0', '1.9.0', 1],
    ['1.0.0-rc.1', '1.0.0', -1],
    ['v1.2.3', '1.2.3', 1],
    ['1.0.0+a', '1.0.0+b', -1],
    ['1.0.0', '1.0.0', 0],
    ['0.0.1', 'latest', 1],
    ['build-99', '0.0.1', -1],
    ['build-9', 'build-10', -1],
    ['beta', 'alpha', 1],
  ])('%s vs %s → %i', (a, b, expected) => {
    expect(Math.sign(compareReleaseVersions(a, b))).toBe(expected);
    expect(Math.sign(compareReleaseVersions(b, a))).toBe(-expected || 0);
  });

  it('sorts a mixed list', () => {
    const sorted = [
      '1.10.0',
      'nightly',
      '1.2.0',
      '1.2.0-rc.2',
      'v1.9.0',
      'build-10',
      'build-9',
    ].sort(compareReleaseVersions);
    expect(sorted).toEqual([
      'build-9',
      'build-10',
      'nightly',
      '1.2.0-rc.2',
      '1.2.0',
      'v1.9.0',
      '1.10.0',
    ]);
  });
});
