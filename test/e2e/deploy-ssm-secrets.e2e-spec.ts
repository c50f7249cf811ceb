import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListTasksCommand,
} from '@aws-sdk/client-ecs';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { eventually, PlatformHarness, startPlatform } from '../support/platform-harness';
import { deployClient, DeploymentView as Deployment } from '../support/deploy-client';
import { seedPlatform } from '../support/seed';

const TOKEN = 'ssm-token-value';
const PARAMETER = '/ssmsecrets/api-token';

/** A step whose container reads an existing SSM parameter through `secrets`. */
const step = {
  containers: [
    {
      name: 'web',
      image: 'public.ecr.aws/nginx/nginx',
      portMappings: [{ containerPort: 8080 }],
      environment: { LOG_LEVEL: '#{LogLevel}' },
      secrets: { API_TOKEN: `arn:aws:ssm:eu-west-1:123456789012:parameter${PARAMETER}` },
    },
  ],
  task: { cpu: '256', memory: '512' },
  service: { desiredCount: 1, network: { subnets: ['subnet-0a1b2c3d'] } },
};

describe('a step reading an SSM parameter, end to end against the sandbox', () => {
  let platform: PlatformHarness;
  let ecs: ECSClient;
  let ssm: SSMClient;
  const api = () => platform.api;
  const cluster = 'ssmsecrets-cluster';
  const service = 'gantry-ssmsecrets-dev';

  beforeAll(async () => {
    platform = await startPlatform('ssmsecrets');
    await seedPlatform(api(), { project: 'ssmsecrets', step });
    const config = {
      endpoint: platform.sandbox.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    };
    ecs = new ECSClient(config);
    ssm = new SSMClient(config);
  });
  afterAll(async () => {
    ecs.destroy();
    ssm.destroy();
    await platform.close();
  });

  const finished = (id: string) => deployClient(platform).finished(id, 60_000);

  /** Creates a release; dev deploys automatically: returns that deployment once finished. */
  const releaseToDev = async (version: string) => {
    await api()
      .post('/api/projects/ssmsecrets/releases', { version, images: { web: version } })
      .expect(201);
    const latest = await eventually(async () => {
      const response = await api()
        .get('/api/deployments?project=ssmsecrets&environment=dev')
        .expect(200);
      const item = response.body.items[0] as
        (Deployment & { release: { version: string } }) | undefined;
      return item?.release.version === version ? item : undefined;
    });
    return finished(latest.id);
  };

  it('fails while the parameter does not exist, naming it as ECS does, and deploys once it exists: the task receives the value, the task definition holds only its ARN', async () => {
    const first = await releaseToDev('1.0.0');
    expect(first.status).toBe('failed');
    expect(JSON.stringify(first)).toContain(
      `ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s): invalid ssm parameters: ${PARAMETER}`,
    );

    await ssm.send(
      new PutParameterCommand({ Name: PARAMETER, Value: TOKEN, Type: 'SecureString' }),
    );
    const second = await releaseToDev('1.0.1');
    expect(second.status).toBe('succeeded');
    const current = (await ecs.send(new DescribeServicesCommand({ cluster, services: [service] })))
      .services?.[0];
    expect(current?.taskDefinition).toBe(second.targets[0].outputs?.TaskDefinitionArn);
    const described = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: current?.taskDefinition }),
    );
    expect(JSON.stringify(described)).not.toContain(TOKEN);
    const [taskArn] =
      (await ecs.send(new ListTasksCommand({ cluster, serviceName: service }))).taskArns ?? [];
    const view = (await (
      await fetch(`${platform.sandbox.url}/_sandbox/tasks/${encodeURIComponent(taskArn)}`)
    ).json()) as { containers: { environment: Record<string, string> }[] };
    expect(view.containers[0].environment).toMatchObject({ API_TOKEN: TOKEN, LOG_LEVEL: 'info' });
  });
});
