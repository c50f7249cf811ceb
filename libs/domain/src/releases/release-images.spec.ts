import { isDockerTag } from './docker-tag';
import { releaseImageProblems } from './release-images';

describe('isDockerTag', () => {
  it.each<[string, boolean]>([
    ['1.2.3', true],
    ['latest', true],
    ['_private', true],
    ['v1.2.3-rc.1', true],
    ['main_2024.06.01-3f2a1c', true],
    ['A'.repeat(128), true],
    ['A'.repeat(129), false],
    ['', false],
    ['.hidden', false],
    ['-dash', false],
    ['1.2.3+build', false],
    ['sha256:abc', false],
    ['a/b', false],
    ['has space', false],
  ])('%j: %s', (tag, expected) => {
    expect(isDockerTag(tag)).toBe(expected);
  });
});

describe('releaseImageProblems', () => {
  const containers = ['web', 'worker'];
  it.each<[string, Record<string, string>, string[]]>([
    ['every container tagged', { web: '1.2.3', worker: 'latest' }, []],
    [
      'a container without a tag',
      { web: '1.2.3' },
      ["images.worker: container 'worker' needs a tag"],
    ],
    [
      'nothing given',
      {},
      ["images.web: container 'web' needs a tag", "images.worker: container 'worker' needs a tag"],
    ],
    [
      'an unknown container',
      { web: '1', worker: '2', api: '3' },
      ["images.api: 'api' is not a container of this project's step"],
    ],
    [
      'an invalid tag',
      { web: '1.2.3+build', worker: '2' },
      [
        "images.web: '1.2.3+build' is not a valid Docker tag (a letter, digit or _ then up to 127 of letters, digits, _ . -)",
      ],
    ],
    [
      'everything wrong at once',
      { web: '', db: 'x' },
      [
        "images.worker: container 'worker' needs a tag",
        "images.web: '' is not a valid Docker tag (a letter, digit or _ then up to 127 of letters, digits, _ . -)",
        "images.db: 'db' is not a container of this project's step",
      ],
    ],
  ])('%s', (_case, images, expected) => {
    expect(releaseImageProblems(images, containers).map((e) => `${e.path}: ${e.message}`)).toEqual(
      expected,
    );
  });

  it('does not take inherited properties for containers', () => {
    expect(releaseImageProblems({}, ['constructor']).map((e) => e.path)).toEqual([
      'images.constructor',
    ]);
  });
});
