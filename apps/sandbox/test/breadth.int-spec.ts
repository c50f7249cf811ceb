import {
  CreateStackCommand,
  DeleteStackCommand,
  UpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import {
  CreateServiceCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import {
  allEvents,
  failureOf,
  startKitWithClusters,
  stopKit,
  waitForStack,
  waitUntil,
  type Kit,
} from './sandbox-kit';

const SECRET_VALUE = 's3cret-from-parameter';
const ROTATED_VALUE = 'rotated-s3cret';

interface Options {
  minCapacity?: number;
  maxCapacity?: number;
  scaling?: boolean;
  service?: string;
}

/** A stack like Gantry renders with every production option: role, secret, strategy, scaling, EFS. */
function breadthTemplate(opts: Options = {}): string {
  const resources: Record<string, unknown> = {
    Secret: {
      Type: 'AWS::SecretsManager::Secret',
      Properties: { Description: 'db password', SecretString: { Ref: 'DbPassword' } },
    },
    ExecutionRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'ecs-tasks.amazonaws.com' },
              Action: 'sts:AssumeRole',
            },
          ],
        },
        ManagedPolicyArns: [
          'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
        ],
        Policies: [
          {
            PolicyName: 'read-task-secrets',
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Action: ['secretsmanager:GetSecretValue'],
                  Resource: [{ Ref: 'Secret' }],
                },
              ],
            },
          },
        ],
      },
    },
    TaskDefinition: {
      Type: 'AWS::ECS::TaskDefinition',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        Family: { Ref: 'AWS::StackName' },
        Cpu: '256',
        Memory: '512',
        NetworkMode: 'awsvpc',
        RequiresCompatibilities: ['FARGATE'],
        ExecutionRoleArn: { 'Fn::GetAtt': ['ExecutionRole', 'Arn'] },
        EphemeralStorage: { SizeInGiB: 40 },
        Volumes: [
          {
            Name: 'data',
            EFSVolumeConfiguration: {
              FilesystemId: 'fs-0123abcd',
              TransitEncryption: 'ENABLED',
              AuthorizationConfig: { AccessPointId: 'fsap-0123456789abcdef0', IAM: 'DISABLED' },
            },
          },
        ],
        ContainerDefinitions: [
          {
            Name: 'web',
            Image: { 'Fn::Sub': 'nginx:${ImageTag}' },
            Environment: [{ Name: 'MODE', Value: 'prod' }],
            Secrets: [{ Name: 'DB_PASSWORD', ValueFrom: { Ref: 'Secret' } }],
            ReadonlyRootFilesystem: true,
            User: '1000',
            StopTimeout: 30,
            Ulimits: [{ Name: 'nofile', SoftLimit: 4096, HardLimit: 8192 }],
            DockerLabels: { 'com.example.Team': 'shop' },
            LinuxParameters: { InitProcessEnabled: true },
            MountPoints: [{ SourceVolume: 'data', ContainerPath: '/data', ReadOnly: true }],
          },
        ],
      },
    },
    Service: {
      Type: 'AWS::ECS::Service',
      Properties: {
        ServiceName: opts.service ?? 'web',
        Cluster: 'apps',
        TaskDefinition: { Ref: 'TaskDefinition' },
        CapacityProviderStrategy: [
          { CapacityProvider: 'FARGATE', Weight: 1, Base: 1 },
          { CapacityProvider: 'FARGATE_SPOT', Weight: 1 },
        ],
        NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['subnet-0a1b2c3d'] } },
      },
    },
  };
  if (opts.scaling !== false) {
    resources.ScalableTarget = {
      Type: 'AWS::ApplicationAutoScaling::ScalableTarget',
      Properties: {
        MinCapacity: opts.minCapacity ?? 3,
        MaxCapacity: opts.maxCapacity ?? 6,
        ResourceId: {
          'Fn::Join': ['/', ['service', 'apps', { 'Fn::GetAtt': ['Service', 'Name'] }]],
        },
        ScalableDimension: 'ecs:service:DesiredCount',
        ServiceNamespace: 'ecs',
        ScheduledActions: [
          {
            ScheduledActionName: 'night',
            Schedule: 'cron(0 22 * * ? *)',
            ScalableTargetAction: { MaxCapacity: 3 },
          },
        ],
      },
    };
    resources.ScalingPolicyCpu = {
      Type: 'AWS::ApplicationAutoScaling::ScalingPolicy',
      Properties: {
        PolicyName: 'web-cpu',
        PolicyType: 'TargetTrackingScaling',
        ScalingTargetId: { Ref: 'ScalableTarget' },
        TargetTrackingScalingPolicyConfiguration: {
          PredefinedMetricSpecification: {
            PredefinedMetricType: 'ECSServiceAverageCPUUtilization',
          },
          TargetValue: 60,
        },
      },
    };
  }
  return JSON.stringify({
    AWSTemplateFormatVersion: '2010-09-09',
    Parameters: {
      ImageTag: { Type: 'String', Default: '1.27' },
      DbPassword: { Type: 'String', NoEcho: true },
    },
    Resources: resources,
  });
}

describe('sandbox: secrets, roles, capacity providers, auto-scaling and container options', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKitWithClusters('apps');
  });
  afterAll(() => stopKit(kit));

  const state = async () => (await fetch(`${kit.sandbox.url}/_sandbox/state`)).json();
  const taskView = async (arn: string) =>
    (await (
      await fetch(`${kit.sandbox.url}/_sandbox/tasks/${encodeURIComponent(arn)}`)
    ).json()) as {
      capacityProviderName: string;
      containers: { environment: Record<string, string> }[];
    };
  const describe1 = async (service: string) =>
    (await kit.ecs.send(new DescribeServicesCommand({ cluster: 'apps', services: [service] })))
      .services?.[0];
  const deployStack = async (name: string, body: string, password: string, update = false) => {
    const input = {
      StackName: name,
      TemplateBody: body,
      Capabilities: ['CAPABILITY_IAM' as const],
      Parameters: [
        { ParameterKey: 'DbPassword', ParameterValue: password },
        { ParameterKey: 'ImageTag', ParameterValue: update ? '1.28' : '1.27' },
      ],
    };
    await kit.cfn.send(update ? new UpdateStackCommand(input) : new CreateStackCommand(input));
    return waitForStack(kit, name);
  };

  it('creates the stack, resolves the secret for the tasks and shows only its ARN in the task definition', async () => {
    const stack = await deployStack('breadth', breadthTemplate(), SECRET_VALUE);
    expect(stack.StackStatus).toBe('CREATE_COMPLETE');

    const service = await describe1('web');
    expect(service?.launchType).toBeUndefined();
    expect(service?.capacityProviderStrategy).toEqual([
      { capacityProvider: 'FARGATE', weight: 1, base: 1 },
      { capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0 },
    ]);
    // Registering the scalable target moved the count (1) inside [3, 6].
    expect(service?.desiredCount).toBe(3);

    const described = await kit.ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: service?.taskDefinition }),
    );
    expect(JSON.stringify(described)).not.toContain(SECRET_VALUE);
    const td = described.taskDefinition;
    expect(td?.containerDefinitions?.[0].secrets?.[0].valueFrom).toMatch(
      /^arn:aws:secretsmanager:eu-west-1:123456789012:secret:breadth-Secret-[A-Z0-9]+-[A-Z0-9]{6}$/,
    );
    expect(td?.ephemeralStorage).toEqual({ sizeInGiB: 40 });
    expect(td?.volumes?.[0].efsVolumeConfiguration).toEqual({
      fileSystemId: 'fs-0123abcd',
      transitEncryption: 'ENABLED',
      authorizationConfig: { accessPointId: 'fsap-0123456789abcdef0', iam: 'DISABLED' },
    });
    expect(td?.containerDefinitions?.[0]).toMatchObject({
      readonlyRootFilesystem: true,
      user: '1000',
      stopTimeout: 30,
      ulimits: [{ name: 'nofile', softLimit: 4096, hardLimit: 8192 }],
      dockerLabels: { 'com.example.Team': 'shop' },
      linuxParameters: { initProcessEnabled: true },
      mountPoints: [{ sourceVolume: 'data', containerPath: '/data', readOnly: true }],
    });

    const arns = (await kit.ecs.send(new ListTasksCommand({ cluster: 'apps', serviceName: 'web' })))
      .taskArns as string[];
    expect(arns).toHaveLength(3);
    const views = await Promise.all(arns.map(taskView));
    for (const view of views)
      expect(view.containers[0].environment).toEqual({ MODE: 'prod', DB_PASSWORD: SECRET_VALUE });
    expect(views.map((view) => view.capacityProviderName).sort()).toEqual([
      'FARGATE',
      'FARGATE',
      'FARGATE_SPOT',
    ]);

    const summary = JSON.stringify(await state());
    expect(summary).not.toContain(SECRET_VALUE);
    expect(summary).toContain('AmazonECSTaskExecutionRolePolicy');
    expect(summary).toContain('service/apps/web|ecs:service:DesiredCount|ecs');
  });

  it('updates the secret in place and keeps the service on an update, then new tasks read the new value', async () => {
    const before = await describe1('web');
    const stack = await deployStack(
      'breadth',
      breadthTemplate({ maxCapacity: 8 }),
      ROTATED_VALUE,
      true,
    );
    expect(stack.StackStatus).toBe('UPDATE_COMPLETE');
    const after = await describe1('web');
    expect(after?.serviceArn).toBe(before?.serviceArn);
    expect(after?.desiredCount).toBe(3);
    const arns = (await kit.ecs.send(new ListTasksCommand({ cluster: 'apps', serviceName: 'web' })))
      .taskArns as string[];
    const views = await Promise.all(arns.map(taskView));
    for (const view of views)
      expect(view.containers[0].environment.DB_PASSWORD).toBe(ROTATED_VALUE);
  });

  it('fails a scalable target of a service that does not exist', async () => {
    const body = JSON.stringify({
      Resources: {
        ScalableTarget: {
          Type: 'AWS::ApplicationAutoScaling::ScalableTarget',
          Properties: {
            MinCapacity: 1,
            MaxCapacity: 2,
            ResourceId: 'service/apps/missing',
            ScalableDimension: 'ecs:service:DesiredCount',
            ServiceNamespace: 'ecs',
          },
        },
      },
    });
    await kit.cfn.send(new CreateStackCommand({ StackName: 'orphan', TemplateBody: body }));
    const stack = await waitForStack(kit, 'orphan');
    expect(stack.StackStatus).toBe('ROLLBACK_COMPLETE');
    const failed = (await allEvents(kit, 'orphan')).find(
      (event) => event.ResourceStatus === 'CREATE_FAILED',
    );
    expect(failed?.ResourceStatusReason).toMatch(
      /^Resource handler returned message: "ECS service doesn't exist: service\/apps\/missing \(Service: ApplicationAutoScaling, Status Code: 400/,
    );
  });

  it('deletes the secret, the scalable target and its policy with the stack', async () => {
    await kit.cfn.send(new DeleteStackCommand({ StackName: 'breadth' }));
    type Summary = {
      stacks: { stackName: string; status: string }[];
      secrets: unknown[];
      scalableTargets: unknown[];
      scalingPolicies: unknown[];
    };
    const summary = await waitUntil(async () => {
      const current = (await state()) as Summary;
      const stack = current.stacks.find((candidate) => candidate.stackName === 'breadth');
      return stack?.status === 'DELETE_COMPLETE' ? current : undefined;
    });
    expect(summary.secrets).toEqual([]);
    expect(summary.scalableTargets).toEqual([]);
    expect(summary.scalingPolicies).toEqual([]);
  });

  it('refuses a launch type together with a capacity provider strategy, in ECS’s words', async () => {
    const td = await kit.ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'both',
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: '256',
        memory: '512',
        containerDefinitions: [{ name: 'web', image: 'nginx' }],
      }),
    );
    const error = await failureOf(
      kit.ecs.send(
        new CreateServiceCommand({
          cluster: 'apps',
          serviceName: 'both',
          taskDefinition: td.taskDefinition?.taskDefinitionArn,
          desiredCount: 1,
          launchType: 'FARGATE',
          capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
          networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d'] } },
        }),
      ),
    );
    expect(error).toEqual({
      name: 'InvalidParameterException',
      message:
        'Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.',
    });
  });
});
