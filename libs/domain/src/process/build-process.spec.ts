import { ecsServiceStepSchema } from '../step/ecs-service-step.schema';
import { buildProcess, type ProcessContext } from './build-process';
import { serviceBody, storedSteps } from './process.fixtures';
import { stepsSchema } from './step.schema';

const environments = [
  { id: 'env-dev', slug: 'dev' },
  { id: 'env-prod', slug: 'prod' },
];
const context = (existing: ProcessContext['existing'] = null): ProcessContext => ({
  existing,
  environments,
  channels: [{ slug: 'default' }, { slug: 'hotfix' }],
});
const steps = (...inputs: Record<string, unknown>[]) =>
  stepsSchema.parse(inputs.map((input) => ({ kind: 'ecs-service', ...serviceBody(), ...input })));

describe('buildProcess', () => {
  it('gives the step shorthand the single-step stack names', () => {
    const built = buildProcess({ step: ecsServiceStepSchema.parse(serviceBody()) }, context());
    expect(built.problems).toEqual([]);
    expect(built.steps).toEqual([
      expect.objectContaining({
        name: 'Service',
        slug: 'service',
        kind: 'ecs-service',
        legacyStackName: true,
      }),
    ]);
  });

  it('derives slugs, resolves environment refs to ids and keeps channel slugs', () => {
    const built = buildProcess(
      {
        steps: steps(
          { name: 'DB Migrate', environments: ['dev', 'env-prod'], channels: ['Hotfix'] },
          { name: 'Web', slug: 'front', excludeEnvironments: ['prod'], parallelWithPrevious: true },
        ),
      },
      context(),
    );
    expect(built.problems).toEqual([]);
    expect(
      built.steps?.map((s) => [s.slug, s.environments, s.excludeEnvironments, s.channels]),
    ).toEqual([
      ['db-migrate', ['env-dev', 'env-prod'], [], ['hotfix']],
      ['front', [], ['env-prod'], []],
    ]);
    expect(built.steps?.some((s) => s.legacyStackName)).toBe(false);
  });

  it('keeps the stack naming of an existing step through a change of the process', () => {
    const existing = storedSteps({ name: 'Service', legacyStackName: true, ...serviceBody() });
    const built = buildProcess(
      { steps: steps({ name: 'Service', ...serviceBody('api') }, { name: 'Worker' }) },
      context(existing),
    );
    expect(built.steps?.map((s) => [s.slug, Boolean(s.legacyStackName)])).toEqual([
      ['service', true],
      ['worker', false],
    ]);
  });

  it('ignores a legacyStackName a request sends: only Gantry decides it', () => {
    const built = buildProcess(
      { steps: [{ ...steps({ name: 'New' })[0], legacyStackName: true } as never] },
      context(storedSteps({ name: 'Old', legacyStackName: true, ...serviceBody() })),
    );
    expect(built.steps?.[0].legacyStackName).toBeUndefined();
  });

  it('replaces the body of the only step with the shorthand, keeping its conditions', () => {
    const existing = storedSteps({
      name: 'Service',
      legacyStackName: true,
      excludeEnvironments: ['env-prod'],
      ...serviceBody(),
    });
    const built = buildProcess(
      { step: ecsServiceStepSchema.parse(serviceBody('api')) },
      context(existing),
    );
    expect(built.steps?.[0]).toMatchObject({
      slug: 'service',
      legacyStackName: true,
      excludeEnvironments: ['env-prod'],
      containers: [expect.objectContaining({ name: 'api' })],
    });
  });

  it.each<[string, Parameters<typeof buildProcess>[0], ProcessContext, string[]]>([
    ['nothing on create', {}, context(), ['steps']],
    [
      'both forms',
      { step: ecsServiceStepSchema.parse(serviceBody()), steps: steps({ name: 'a' }) },
      context(),
      ['step'],
    ],
    [
      'the shorthand on a project of two steps',
      { step: ecsServiceStepSchema.parse(serviceBody()) },
      context(storedSteps({ name: 'a', ...serviceBody() }, { name: 'b', ...serviceBody() })),
      ['step'],
    ],
    [
      'two steps with one slug, an unknown environment and channel, a first step in parallel',
      {
        steps: steps(
          { name: 'Web', parallelWithPrevious: true, environments: ['qa'] },
          { name: 'web', channels: ['beta'] },
          { name: '!!!' },
        ),
      },
      context(),
      [
        'steps.2.name',
        'steps.1.slug',
        'steps.0.environments.0',
        'steps.1.channels.0',
        'steps.0.parallelWithPrevious',
      ],
    ],
  ])('refuses %s', (_case, request, ctx, expected) => {
    const built = buildProcess(request, ctx);
    expect(built.problems.map((p) => p.path)).toEqual(expected);
    expect(built.steps).toBeNull();
  });

  it('refuses a kind change of an existing slug', () => {
    const existing = [
      { ...storedSteps({ name: 'Web', ...serviceBody() })[0], kind: 'other' },
    ] as never;
    const built = buildProcess({ steps: steps({ name: 'Web' }) }, context(existing));
    expect(built.problems.map((p) => p.path)).toEqual(['steps.0.kind']);
  });

  it('reports a Fargate size the platform refuses at its path', () => {
    const built = buildProcess(
      { steps: steps({ name: 'a' }, { name: 'b', task: { cpu: 256, memory: 4096 } }) },
      context(),
    );
    expect(built.sizeProblems.map((p) => p.path)).toEqual(['steps.1.task.memory']);
  });

  it('leaves the process alone when an update does not name it', () => {
    expect(buildProcess({}, context(storedSteps({ name: 'a', ...serviceBody() })))).toEqual({
      steps: null,
      problems: [],
      sizeProblems: [],
    });
  });
});
