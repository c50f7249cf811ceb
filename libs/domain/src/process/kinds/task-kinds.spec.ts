import { buildProcess } from '../build-process';
import {
  stepBody,
  stepContainers,
  stepKindOf,
  stepsSchema,
  type ProcessStep,
} from '../step.schema';

const paths = (value: unknown) =>
  stepsSchema.safeParse(value).error?.issues.map((issue) => issue.path.join('.')) ?? [];

/** A valid ecs-run-task body: a migration. */
const runTaskBody = () => ({
  containers: [{ name: 'migrate', image: 'example/migrate', command: ['npm', 'run', 'migrate'] }],
  task: { cpu: 256, memory: 512 },
  network: { subnets: ['subnet-0123456789abcdef0'] },
});

/** A valid ecs-update-service body. */
const updateBody = () => ({
  service: 'legacy-api',
  containers: { api: { image: 'example/legacy-api' } },
});

describe('ecs-run-task and ecs-update-service steps', () => {
  it.each<[string, unknown, string[]]>([
    ['a run-task step', [{ name: 'Migrate', kind: 'ecs-run-task', ...runTaskBody() }], []],
    [
      'a run-task step with a timeout',
      [{ name: 'Migrate', kind: 'ecs-run-task', timeoutSeconds: 900, ...runTaskBody() }],
      [],
    ],
    [
      'a run-task step without network',
      [{ name: 'Migrate', kind: 'ecs-run-task', ...runTaskBody(), network: undefined }],
      ['0.network'],
    ],
    [
      'a run-task step with service fields',
      [{ name: 'Migrate', kind: 'ecs-run-task', ...runTaskBody(), service: {} }],
      ['0'],
    ],
    [
      'a run-task timeout out of range',
      [{ name: 'Migrate', kind: 'ecs-run-task', ...runTaskBody(), timeoutSeconds: 0 }],
      ['0.timeoutSeconds'],
    ],
    [
      'a run-task step with no essential container and a bad subnet',
      [
        {
          name: 'Migrate',
          kind: 'ecs-run-task',
          ...runTaskBody(),
          containers: [{ name: 'migrate', image: 'example/migrate', essential: false }],
          network: { subnets: ['subnet-nope'] },
        },
      ],
      ['0.network.subnets.0', '0.containers'],
    ],
    [
      'an update-service step',
      [{ name: 'Legacy', kind: 'ecs-update-service', ...updateBody() }],
      [],
    ],
    [
      'an update-service step with cluster and environment',
      [
        {
          name: 'Legacy',
          kind: 'ecs-update-service',
          ...updateBody(),
          cluster: 'legacy',
          environment: { RELEASE: '#{Octopus.Release.Number}' },
        },
      ],
      [],
    ],
    [
      'an update-service step naming no container',
      [{ name: 'Legacy', kind: 'ecs-update-service', ...updateBody(), containers: {} }],
      ['0.containers'],
    ],
    [
      'an update-service image with a tag, and a bad variable name',
      [
        {
          name: 'Legacy',
          kind: 'ecs-update-service',
          ...updateBody(),
          containers: { api: { image: 'example/legacy-api:7' } },
          environment: { 'NOT-A-NAME': 'x' },
        },
      ],
      ['0.containers.api.image', '0.environment.NOT-A-NAME'],
    ],
    [
      'an update-service step without service',
      [{ name: 'Legacy', kind: 'ecs-update-service', ...updateBody(), service: undefined }],
      ['0.service'],
    ],
  ])('%s', (_case, value, expected) => {
    expect(paths(value)).toEqual(expected);
  });

  it('lists their containers for releases and keeps their bodies apart from the common fields', () => {
    const [run, update] = stepsSchema.parse([
      { name: 'Migrate', kind: 'ecs-run-task', ...runTaskBody() },
      { name: 'Legacy', kind: 'ecs-update-service', ...updateBody() },
    ]);
    const stored = [
      { ...run, slug: 'migrate' },
      { ...update, slug: 'legacy' },
    ] as ProcessStep[];
    expect(stored.map(stepContainers)).toEqual([['migrate'], ['api']]);
    expect(Object.keys(stepBody(stored[0])).sort()).toEqual(['containers', 'network', 'task']);
    expect(Object.keys(stepBody(stored[1])).sort()).toEqual([
      'containers',
      'environment',
      'service',
    ]);
    expect(stepKindOf('ecs-run-task')).toMatchObject({ scope: 'targets', deploysStack: true });
    expect(stepKindOf('ecs-update-service')).toMatchObject({
      scope: 'targets',
      deploysStack: false,
    });
  });

  it('checks a run-task Fargate size as the service step does (422 at save)', () => {
    const steps = stepsSchema.parse([
      { name: 'Migrate', kind: 'ecs-run-task', ...runTaskBody(), task: { cpu: 256, memory: 4096 } },
    ]);
    const built = buildProcess({ steps }, { existing: null, environments: [], channels: [] });
    expect(built.sizeProblems.map((problem) => problem.path)).toEqual(['steps.0.task.memory']);
  });
});
