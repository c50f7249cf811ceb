import { serviceBody } from './process.fixtures';
import { stepBody, stepsSchema } from './step.schema';

const paths = (value: unknown) =>
  stepsSchema.safeParse(value).error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('stepsSchema', () => {
  it.each<[string, unknown, string[]]>([
    ['one ecs-service step', [{ name: 'Web', kind: 'ecs-service', ...serviceBody() }], []],
    ['no step', [], ['']],
    [
      'more than twenty steps',
      Array.from({ length: 21 }, (_, i) => ({
        name: `s${i}`,
        kind: 'ecs-service',
        ...serviceBody(),
      })),
      [''],
    ],
    ['an unknown kind', [{ name: 'x', kind: 'lambda' }], ['0.kind']],
    ['no kind', [{ name: 'x', ...serviceBody() }], ['0.kind']],
    [
      'a bad container name in the second step',
      [
        { name: 'a', kind: 'ecs-service', ...serviceBody() },
        { name: 'b', kind: 'ecs-service', ...serviceBody('Bad_Name') },
      ],
      ['1.containers.0.name', '1.containers.0.image'],
    ],
    [
      'the body rules of a kind (a container named twice)',
      [
        {
          name: 'a',
          kind: 'ecs-service',
          ...serviceBody(),
          containers: [
            { name: 'web', image: 'x/web' },
            { name: 'web', image: 'x/web' },
          ],
        },
      ],
      ['0.containers.1.name'],
    ],
    [
      'bad conditions',
      [
        {
          name: '',
          slug: 'Not A Slug',
          kind: 'ecs-service',
          tenantTags: ['gold'],
          parallelWithPrevious: 'yes',
          ...serviceBody(),
        },
      ],
      ['0.name', '0.slug', '0.tenantTags.0', '0.parallelWithPrevious'],
    ],
    ['an unknown field', [{ name: 'a', kind: 'ecs-service', colour: 1, ...serviceBody() }], ['0']],
  ])('%s', (_case, value, expected) => {
    expect(paths(value)).toEqual(expected);
  });

  it('fills the conditions with their defaults', () => {
    const [step] = stepsSchema.parse([{ name: 'Web', kind: 'ecs-service', ...serviceBody() }]);
    expect(step).toMatchObject({
      environments: [],
      excludeEnvironments: [],
      tenantTags: [],
      channels: [],
      parallelWithPrevious: false,
    });
  });

  it('separates the body from the common fields', () => {
    const [step] = stepsSchema.parse([{ name: 'Web', kind: 'ecs-service', ...serviceBody() }]);
    expect(Object.keys(stepBody({ ...step, slug: 'web', legacyStackName: true })).sort()).toEqual([
      'containers',
      'service',
      'tags',
      'task',
    ]);
  });
});
