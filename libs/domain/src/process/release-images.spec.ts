import { serviceBody, storedSteps } from './process.fixtures';
import { imageSlots, labelledImages, resolveReleaseImages, stepImages } from './release-images';

const single = storedSteps({
  name: 'Service',
  ...serviceBody(),
  containers: [
    { name: 'web', image: 'x/web' },
    { name: 'worker', image: 'x/worker' },
  ],
});
const multi = storedSteps(
  {
    name: 'Web',
    ...serviceBody('app'),
    containers: [
      { name: 'app', image: 'x/app' },
      { name: 'proxy', image: 'x/proxy' },
    ],
  },
  { name: 'Worker', ...serviceBody('app') },
);

describe('imageSlots', () => {
  it('labels a container by its bare name when no other step has it', () => {
    expect(imageSlots(multi).map((slot) => [slot.key, slot.label])).toEqual([
      ['web/app', 'web/app'],
      ['web/proxy', 'proxy'],
      ['worker/app', 'worker/app'],
    ]);
  });
});

describe('resolveReleaseImages', () => {
  it.each<[string, Record<string, string>, string | undefined, Record<string, string>, string[]]>([
    [
      'bare names of one step',
      { web: '1.0.0', worker: '2' },
      undefined,
      { 'service/web': '1.0.0', 'service/worker': '2' },
      [],
    ],
    [
      'step/container keys',
      { 'service/web': '1', 'service/worker': '2' },
      undefined,
      { 'service/web': '1', 'service/worker': '2' },
      [],
    ],
    [
      'defaultTag fills the rest',
      { web: 'hotfix' },
      '1.4.2',
      { 'service/web': 'hotfix', 'service/worker': '1.4.2' },
      [],
    ],
    ['defaultTag alone', {}, '1.4.2', { 'service/web': '1.4.2', 'service/worker': '1.4.2' }, []],
    [
      'a missing tag',
      { web: '1' },
      undefined,
      { 'service/web': '1' },
      ["images.worker: container 'worker' needs a tag (or give defaultTag)"],
    ],
    [
      'an unknown container',
      { web: '1', worker: '1', db: '1' },
      undefined,
      { 'service/web': '1', 'service/worker': '1' },
      ["images.db: 'db' is not a container of this project's step"],
    ],
    [
      'an unknown step/container',
      { web: '1', worker: '1', 'db/x': '1' },
      undefined,
      { 'service/web': '1', 'service/worker': '1' },
      ["images.db/x: 'db/x' is not a <step>/<container> of this project"],
    ],
    [
      'a container named twice',
      { web: '1', 'service/web': '2', worker: '1' },
      undefined,
      { 'service/web': '1', 'service/worker': '1' },
      ["images.service/web: 'service/web' is also named as 'web'"],
    ],
    [
      'a bad tag and a bad defaultTag',
      { web: 'a b' },
      '-x',
      {},
      [
        "images.web: 'a b' is not a valid Docker tag (a letter, digit or _ then up to 127 of letters, digits, _ . -)",
        "defaultTag: '-x' is not a valid Docker tag (a letter, digit or _ then up to 127 of letters, digits, _ . -)",
      ],
    ],
  ])('%s', (_case, given, defaultTag, images, problems) => {
    const result = resolveReleaseImages(given, defaultTag, single);
    expect(result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual(problems);
    expect(result.images).toEqual(images);
  });

  it.each<[string, Record<string, string>, string[]]>([
    [
      'an ambiguous bare name',
      { app: '1', proxy: '1' },
      [
        "images.web/app: container 'web/app' needs a tag (or give defaultTag)",
        "images.worker/app: container 'worker/app' needs a tag (or give defaultTag)",
        "images.app: 'app' is a container of several steps; name it as web/app or worker/app",
      ],
    ],
    ['every container named', { 'web/app': '1', proxy: '2', 'worker/app': '3' }, []],
  ])('over several steps: %s', (_case, given, problems) => {
    expect(
      resolveReleaseImages(given, undefined, multi).problems.map((p) => `${p.path}: ${p.message}`),
    ).toEqual(problems);
  });
});

describe('labelledImages and stepImages', () => {
  const images = { 'web/app': '1', 'web/proxy': '2', 'worker/app': '3' };
  it('shows bare names where unique', () => {
    expect(labelledImages(images, multi)).toEqual({
      'web/app': '1',
      proxy: '2',
      'worker/app': '3',
    });
  });
  it("gives one step's tags by container", () => {
    expect(stepImages(images, { slug: 'web' })).toEqual({ app: '1', proxy: '2' });
    expect(stepImages(images, { slug: 'worker' })).toEqual({ app: '3' });
  });
});
