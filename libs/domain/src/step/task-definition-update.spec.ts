import { DomainError } from '../errors/domain-error';
import {
  nextTaskDefinitionRegistration,
  TASK_DEFINITION_READ_ONLY_FIELDS,
  type DescribedTaskDefinition,
} from './task-definition-update';

/** A revision as DescribeTaskDefinition returns it, with fields no Gantry template ever sets. */
const described = (): DescribedTaskDefinition => ({
  taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/legacy-api:7',
  family: 'legacy-api',
  revision: 7,
  status: 'ACTIVE',
  cpu: '512',
  memory: '1024',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  compatibilities: ['EC2', 'FARGATE'],
  requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.task-iam-role' }],
  executionRoleArn: 'arn:aws:iam::123456789012:role/legacy-execution',
  taskRoleArn: 'arn:aws:iam::123456789012:role/legacy-task',
  ephemeralStorage: { sizeInGiB: 50 },
  runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
  volumes: [{ name: 'scratch' }],
  placementConstraints: [],
  pidMode: 'task',
  someFieldEcsAddsLater: { kept: true },
  registeredAt: '2026-12-01T10:00:00.000Z',
  registeredBy: 'arn:aws:iam::123456789012:root',
  containerDefinitions: [
    {
      name: 'api',
      image: 'legacy/api:7',
      essential: true,
      environment: [
        { name: 'MODE', value: 'legacy' },
        { name: 'LOG_LEVEL', value: 'info' },
      ],
      environmentFiles: [{ type: 's3', value: 'arn:aws:s3:::legacy-config/api.env' }],
      secrets: [{ name: 'DB_URL', valueFrom: 'arn:aws:ssm:eu-west-1:123456789012:parameter/db' }],
      ulimits: [{ name: 'nofile', softLimit: 4096, hardLimit: 8192 }],
      linuxParameters: { initProcessEnabled: true },
      mountPoints: [{ sourceVolume: 'scratch', containerPath: '/scratch' }],
      dockerLabels: { team: 'legacy' },
    },
    {
      name: 'log-router',
      image: 'fluent/fluent-bit:2.2',
      essential: false,
      firelensConfiguration: { type: 'fluentbit' },
    },
  ],
});

const strip = (td: DescribedTaskDefinition) => {
  const copy: Record<string, unknown> = { ...td };
  for (const field of TASK_DEFINITION_READ_ONLY_FIELDS) delete copy[field];
  return copy;
};

describe('nextTaskDefinitionRegistration', () => {
  it('keeps every field, even those a template never sets, and changes only the named image', () => {
    const current = described();
    const { input, images } = nextTaskDefinitionRegistration(current, {
      images: { api: 'legacy/api:8' },
    });
    const [api, router] = current.containerDefinitions ?? [];
    const expected = {
      ...strip(current),
      containerDefinitions: [{ ...api, image: 'legacy/api:8' }, router],
    };
    expect(input).toEqual(expected);
    expect(images).toEqual([{ container: 'api', from: 'legacy/api:7', to: 'legacy/api:8' }]);
    expect(current.containerDefinitions?.[0].image).toBe('legacy/api:7');
  });

  it.each(TASK_DEFINITION_READ_ONLY_FIELDS)('leaves out %s, which ECS sets', (field) => {
    const { input } = nextTaskDefinitionRegistration(
      { ...described(), [field]: 'x' },
      { images: { api: 'legacy/api:8' } },
    );
    expect(input).not.toHaveProperty(field);
  });

  it.each<[string, Record<string, string>, { name: string; value: string }[]]>([
    [
      'replaces a variable in place',
      { MODE: 'modern' },
      [
        { name: 'MODE', value: 'modern' },
        { name: 'LOG_LEVEL', value: 'info' },
      ],
    ],
    [
      'adds new variables after the others, by name',
      { ZONE: 'b', ALPHA: 'a' },
      [
        { name: 'MODE', value: 'legacy' },
        { name: 'LOG_LEVEL', value: 'info' },
        { name: 'ALPHA', value: 'a' },
        { name: 'ZONE', value: 'b' },
      ],
    ],
    [
      'keeps the environment as it is when none is given',
      {},
      [
        { name: 'MODE', value: 'legacy' },
        { name: 'LOG_LEVEL', value: 'info' },
      ],
    ],
  ])('environment: %s', (_case, environment, expected) => {
    const { input } = nextTaskDefinitionRegistration(described(), {
      images: { api: 'legacy/api:8' },
      environment,
    });
    expect(input.containerDefinitions[0].environment).toEqual(expected);
    // The containers not named keep their own environment (none here).
    expect(input.containerDefinitions[1]).toEqual(described().containerDefinitions?.[1]);
  });

  it('passes the revision tags on, and none when it has none', () => {
    const tagged = nextTaskDefinitionRegistration(
      described(),
      { images: { api: 'legacy/api:8' } },
      [{ key: 'owner', value: 'legacy-team' }],
    );
    expect(tagged.input.tags).toEqual([{ key: 'owner', value: 'legacy-team' }]);
    const untagged = nextTaskDefinitionRegistration(described(), {
      images: { api: 'legacy/api:8' },
    });
    expect(untagged.input).not.toHaveProperty('tags');
  });

  it.each<[string, Parameters<typeof nextTaskDefinitionRegistration>[1], string[]]>([
    ['a container the task definition lacks', { images: { web: 'x/web:1' } }, ['containers.web']],
    [
      'a variable that is one of the container secrets',
      { images: { api: 'legacy/api:8' }, environment: { DB_URL: 'plain' } },
      ['environment.DB_URL'],
    ],
    [
      'both, listed together',
      { images: { api: 'legacy/api:8', web: 'x/web:1' }, environment: { DB_URL: 'plain' } },
      ['containers.web', 'environment.DB_URL'],
    ],
  ])('refuses %s, naming it', (_case, changes, paths) => {
    let error: unknown;
    try {
      nextTaskDefinitionRegistration(described(), changes);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('render_check_failed');
    expect((error as DomainError).errors.map((e) => e.path)).toEqual(paths);
  });
});
