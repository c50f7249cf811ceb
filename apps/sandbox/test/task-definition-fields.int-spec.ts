import {
  DescribeTaskDefinitionCommand,
  RegisterTaskDefinitionCommand,
  type RegisterTaskDefinitionCommandInput,
} from '@aws-sdk/client-ecs';
import { startKit, stopKit, type Kit } from './sandbox-kit';

/** What ecs-update-service relies on: a revision describes back every field it was registered with. */
describe('task definition fields (RegisterTaskDefinition → DescribeTaskDefinition)', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit();
  });
  afterAll(() => stopKit(kit));

  const registration: RegisterTaskDefinitionCommandInput = {
    family: 'legacy-api',
    cpu: '512',
    memory: '1024',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    executionRoleArn: 'arn:aws:iam::123456789012:role/legacy-execution',
    taskRoleArn: 'arn:aws:iam::123456789012:role/legacy-task',
    ephemeralStorage: { sizeInGiB: 50 },
    runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
    volumes: [{ name: 'scratch' }],
    containerDefinitions: [
      {
        name: 'api',
        image: 'legacy/api:7',
        essential: true,
        environment: [{ name: 'MODE', value: 'legacy' }],
        environmentFiles: [{ type: 's3', value: 'arn:aws:s3:::legacy-config/api.env' }],
        secrets: [{ name: 'DB', valueFrom: 'arn:aws:ssm:eu-west-1:123456789012:parameter/db' }],
        ulimits: [{ name: 'nofile', softLimit: 4096, hardLimit: 8192 }],
        dockerLabels: { team: 'legacy' },
        linuxParameters: { initProcessEnabled: true },
        mountPoints: [{ sourceVolume: 'scratch', containerPath: '/scratch' }],
        stopTimeout: 90,
        readonlyRootFilesystem: true,
      },
    ],
    tags: [{ key: 'owner', value: 'legacy-team' }],
  };

  it('keeps every field, and returns the tags when asked for them', async () => {
    const registered = await kit.ecs.send(new RegisterTaskDefinitionCommand(registration));
    expect(registered.tags).toEqual(registration.tags);
    const described = await kit.ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: 'legacy-api', include: ['TAGS'] }),
    );
    const { tags, family: _family, ...fields } = registration;
    expect(described.taskDefinition).toMatchObject({
      ...fields,
      family: 'legacy-api',
      revision: 1,
      status: 'ACTIVE',
    });
    expect(described.tags).toEqual(tags);
    const withoutTags = await kit.ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: 'legacy-api:1' }),
    );
    expect(withoutTags.tags).toBeUndefined();
  });
});
