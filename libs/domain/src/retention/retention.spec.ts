import {
  judgeReleases,
  revisionOf,
  taskDefinitionsToDeregister,
  type PhaseRetention,
  type RetentionReleaseFacts,
} from './retention';

const day = (n: number) => new Date(Date.UTC(2026, 0, n));
const release = (
  version: string,
  created: number,
  phases: number[] = [0],
  protections: RetentionReleaseFacts['protections'] = [],
): RetentionReleaseFacts => ({
  id: version,
  version,
  createdAt: day(created),
  phases,
  protections,
});

const limits = (...keep: (number | null)[]): PhaseRetention[] =>
  keep.map((keepReleases) => ({ keepReleases }));

describe('judgeReleases', () => {
  const cases: {
    name: string;
    phases: PhaseRetention[];
    releases: RetentionReleaseFacts[];
    deleted: string[];
  }[] = [
    {
      name: 'no limit anywhere: nothing goes',
      phases: limits(null, null),
      releases: [release('1', 1), release('2', 2), release('3', 3)],
      deleted: [],
    },
    {
      name: 'keep 2 in phase 1: the older ones go, newest by creation',
      phases: limits(2),
      releases: [release('1', 1), release('3', 3), release('2', 2), release('4', 4)],
      deleted: ['2', '1'],
    },
    {
      name: 'the live release stays beyond the limit',
      phases: limits(1),
      releases: [release('1', 1, [0], ['live']), release('2', 2), release('3', 3)],
      deleted: ['2'],
    },
    {
      name: 'latest and unfinished releases stay too',
      phases: limits(0),
      releases: [
        release('1', 1, [0], ['latest']),
        release('2', 2, [0], ['unfinished']),
        release('3', 3),
      ],
      deleted: ['3'],
    },
    {
      name: 'a release kept by a later phase stays though an earlier phase drops it',
      phases: limits(1, 5),
      releases: [release('1', 1, [0, 1]), release('2', 2, [0]), release('3', 3, [0])],
      deleted: ['2'],
    },
    {
      name: 'a phase without a limit keeps what reached it',
      phases: limits(1, null),
      releases: [release('1', 1, [0, 1]), release('2', 2, [0]), release('3', 3, [0])],
      deleted: ['2'],
    },
    {
      name: 'a release never deployed counts in the first phase',
      phases: limits(1, null),
      releases: [release('1', 1, []), release('2', 2, [])],
      deleted: ['1'],
    },
    {
      name: 'same creation time: the higher version is the newer',
      phases: limits(1),
      releases: [release('1.0.1', 1), release('1.0.2', 1)],
      deleted: ['1.0.1'],
    },
    {
      name: 'every phase it reached must drop it',
      phases: limits(1, 1),
      releases: [release('1', 1, [0, 1]), release('2', 2, [0, 1]), release('3', 3, [0])],
      deleted: ['1'],
    },
  ];

  it.each(cases)('$name', ({ phases, releases, deleted }) => {
    const verdicts = judgeReleases(phases, releases);
    expect(verdicts.filter((v) => !v.keep).map((v) => v.id)).toEqual(deleted);
    expect(verdicts).toHaveLength(releases.length);
  });

  it('says why each release stays or goes', () => {
    const verdicts = judgeReleases(limits(1, null), [
      release('1', 1, [0], ['live', 'latest']),
      release('2', 2, [0, 1]),
      release('3', 3, [0]),
      release('4', 4, [0]),
    ]);
    expect(verdicts.map((v) => [v.id, v.keep, v.reason])).toEqual([
      ['4', true, 'within the limit of phase 1'],
      ['3', false, 'beyond every limit of its phases'],
      ['2', true, 'within the limit of phase 2'],
      ['1', true, 'live, latest'],
    ]);
  });
});

describe('taskDefinitionsToDeregister', () => {
  const arn = (revision: number) =>
    `arn:aws:ecs:eu-west-1:000000000000:task-definition/gantry-shop-dev:${revision}`;
  const cases: {
    name: string;
    revisions: number[];
    inUse: number[];
    keep: number | null;
    out: number[];
  }[] = [
    { name: 'no limit: none', revisions: [1, 2, 3], inUse: [], keep: null, out: [] },
    { name: 'beyond the newest 2', revisions: [1, 2, 3, 4], inUse: [], keep: 2, out: [2, 1] },
    { name: 'any order in', revisions: [3, 1, 4, 2], inUse: [], keep: 2, out: [2, 1] },
    {
      name: 'a revision a service uses stays',
      revisions: [1, 2, 3, 4],
      inUse: [1],
      keep: 2,
      out: [2],
    },
    { name: 'fewer than the limit', revisions: [1, 2], inUse: [], keep: 5, out: [] },
    { name: 'keep 0 still spares what is used', revisions: [1, 2], inUse: [2], keep: 0, out: [1] },
  ];
  it.each(cases)('$name', ({ revisions, inUse, keep, out }) => {
    expect(taskDefinitionsToDeregister(revisions.map(arn), new Set(inUse.map(arn)), keep)).toEqual(
      out.map(arn),
    );
  });

  it.each([
    ['gantry-shop-dev:12', 12],
    [arn(7), 7],
    ['gantry-shop-dev', null],
  ])('revisionOf(%s) = %s', (ref, revision) => {
    expect(revisionOf(ref)).toBe(revision);
  });
});
