import {
  CloudFormationClient,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  type Stack,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import { CreateClusterCommand, ECSClient } from '@aws-sdk/client-ecs';
import { startSandbox, type RunningSandbox } from '../src/sandbox-server';

export interface Kit {
  sandbox: RunningSandbox;
  cfn: CloudFormationClient;
  ecs: ECSClient;
}

/** The settings of an SDK client (any service's) that calls this sandbox, once, with test credentials. */
export function sandboxClientConfig(sandbox: RunningSandbox) {
  return {
    endpoint: sandbox.url,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  };
}

/** Starts a sandbox on a free port with SDK clients pointed at it. */
export async function startKit(timeScale = 0.005, throttlePerSecond = 0): Promise<Kit> {
  const sandbox = await startSandbox({ port: 0, timeScale, throttlePerSecond });
  const config = sandboxClientConfig(sandbox);
  return { sandbox, cfn: new CloudFormationClient(config), ecs: new ECSClient(config) };
}

/** A kit whose sandbox already has these ECS clusters. */
export async function startKitWithClusters(...clusterNames: string[]): Promise<Kit> {
  const kit = await startKit();
  for (const clusterName of clusterNames)
    await kit.ecs.send(new CreateClusterCommand({ clusterName }));
  return kit;
}

export async function stopKit(kit: Kit): Promise<void> {
  kit.cfn.destroy();
  kit.ecs.destroy();
  await kit.sandbox.close();
}

/** The name and message of the error a call fails with; fails the test when the call succeeds. */
export async function failureOf(
  promise: Promise<unknown>,
): Promise<{ name: string; message: string }> {
  const error = (await promise.then(
    () => undefined,
    (e: unknown) => e,
  )) as { name: string; message: string } | undefined;
  if (!error) throw new Error('the call succeeded');
  return { name: error.name, message: error.message };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls DescribeStacks until the status leaves *_IN_PROGRESS (REVIEW_IN_PROGRESS included as settled). */
export async function waitForStack(
  kit: Kit,
  stackName: string,
  timeoutMs = 20_000,
): Promise<Stack> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const out = await kit.cfn.send(new DescribeStacksCommand({ StackName: stackName }));
    const stack = out.Stacks?.[0] as Stack;
    const status = stack.StackStatus ?? '';
    if (!status.endsWith('_IN_PROGRESS') || status === 'REVIEW_IN_PROGRESS') return stack;
    if (Date.now() > deadline) throw new Error(`stack ${stackName} still ${status}`);
    await sleep(25);
  }
}

export async function waitUntil<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await sleep(25);
  }
}

/** Every event of a stack, newest first, following NextToken. */
export async function allEvents(kit: Kit, stackName: string): Promise<StackEvent[]> {
  const events: StackEvent[] = [];
  let token: string | undefined;
  do {
    const out = await kit.cfn.send(
      new DescribeStackEventsCommand({ StackName: stackName, NextToken: token }),
    );
    events.push(...(out.StackEvents ?? []));
    token = out.NextToken;
  } while (token);
  return events;
}

export interface ServiceTemplateOptions {
  cluster?: string;
  circuitBreaker?: boolean;
  desiredCount?: number;
  ownCluster?: boolean;
  /** null leaves the name to CloudFormation. */
  serviceName?: string | null;
  /** The service's Tags, as Gantry renders them. */
  tags?: Record<string, string>;
}

/** A template shaped like Gantry's rendering: log group, task definition (retained), Fargate service. */
export function serviceTemplate(opts: ServiceTemplateOptions = {}): string {
  const cluster = opts.ownCluster ? { Ref: 'Cluster' } : (opts.cluster ?? 'apps');
  const resources: Record<string, unknown> = {
    LogGroup: {
      Type: 'AWS::Logs::LogGroup',
      Properties: { LogGroupName: { 'Fn::Sub': '/gantry/${AWS::StackName}' }, RetentionInDays: 30 },
    },
    TaskDefinition: {
      Type: 'AWS::ECS::TaskDefinition',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        Family: { 'Fn::Sub': '${AWS::StackName}-web' },
        Cpu: '256',
        Memory: '512',
        NetworkMode: 'awsvpc',
        RequiresCompatibilities: ['FARGATE'],
        ContainerDefinitions: [
          {
            Name: 'web',
            Image: { 'Fn::Sub': 'nginx:${ImageTagWeb}' },
            Essential: true,
            PortMappings: [{ ContainerPort: 80 }],
            Environment: [{ Name: 'MODE', Value: 'prod' }],
            // A Secrets Manager secret the sandbox does not hold stays unresolved (an SSM
            // parameter that does not exist would fail the task, as in ECS).
            Secrets: [
              {
                Name: 'DB_PASSWORD',
                ValueFrom: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf',
              },
            ],
            LogConfiguration: {
              LogDriver: 'awslogs',
              Options: {
                'awslogs-group': { Ref: 'LogGroup' },
                'awslogs-region': { Ref: 'AWS::Region' },
                'awslogs-stream-prefix': 'web',
              },
            },
          },
        ],
      },
    },
    Service: {
      Type: 'AWS::ECS::Service',
      Properties: {
        ServiceName: opts.serviceName === null ? undefined : (opts.serviceName ?? 'web'),
        Cluster: cluster,
        TaskDefinition: { Ref: 'TaskDefinition' },
        DesiredCount: opts.desiredCount ?? 2,
        LaunchType: 'FARGATE',
        DeploymentConfiguration: {
          MinimumHealthyPercent: 100,
          MaximumPercent: 200,
          DeploymentCircuitBreaker: {
            Enable: opts.circuitBreaker ?? true,
            Rollback: opts.circuitBreaker ?? true,
          },
        },
        NetworkConfiguration: {
          AwsvpcConfiguration: {
            Subnets: ['subnet-0a1b2c3d'],
            SecurityGroups: ['sg-0a1b2c3d'],
            AssignPublicIp: 'DISABLED',
          },
        },
        PropagateTags: 'SERVICE',
        ...(opts.tags
          ? { Tags: Object.entries(opts.tags).map(([Key, Value]) => ({ Key, Value })) }
          : {}),
      },
    },
  };
  if (opts.ownCluster) resources.Cluster = { Type: 'AWS::ECS::Cluster', Properties: {} };
  return JSON.stringify({
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'Gantry test service',
    Parameters: {
      ImageTagWeb: { Type: 'String', Default: '1.27' },
      DbPassword: { Type: 'String', NoEcho: true, Default: 'secret' },
    },
    Resources: resources,
    Outputs: {
      ServiceArn: { Value: { Ref: 'Service' } },
      ServiceName: { Value: { 'Fn::GetAtt': ['Service', 'Name'] } },
      TaskDefinitionArn: { Value: { Ref: 'TaskDefinition' } },
      LogGroupName: { Value: { Ref: 'LogGroup' } },
    },
  });
}
