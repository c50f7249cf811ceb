import {
  ApplicationAutoScalingClient,
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
} from '@aws-sdk/client-application-auto-scaling';
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListTasksCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { eventually, PlatformHarness, startPlatform } from '../support/platform-harness';
import { deployClient, DeploymentView as Deployment } from '../support/deploy-client';
import { seedPlatform } from '../support/seed';

const FIRST_SECRET = 'hunter2-secret';
const ROTATED_SECRET = 'rotated-s3cret-value';

/** A newcomer's step: no roles, default (awslogs) logging, a sensitive variable, auto-scaling. */
const newcomerStep = {
  containers: [
    {
      name: 'web',
      image: 'public.ecr.aws/nginx/nginx',
      portMappings: [{ containerPort: 8080 }],
      environment: { LOG_LEVEL: '#{LogLevel}', DB_PASSWORD: '#{Db.Password}' },
      readonlyRootFilesystem: true,
      linuxParameters: { initProcessEnabled: true },
      stopTimeout: 60,
    },
  ],
  task: { cpu: '256', memory: '512', ephemeralStorageGiB: 30 },
  service: {
    network: { subnets: ['subnet-0a1b2c3d'] },
    capacityProviderStrategy: [
      { capacityProvider: 'FARGATE', weight: 1, base: 1 },
      { capacityProvider: 'FARGATE_SPOT', weight: 1 },
    ],
    autoScaling: {
      minCapacity: 1,
      maxCapacity: 10,
      targetTracking: [{ metric: 'cpu', target: 60 }],
    },
  },
};

describe('production ECS options end to end: roles, secrets and auto-scaling against the sandbox', () => {
  let platform: PlatformHarness;
  let ecs: ECSClient;
  const api = () => platform.api;
  const cluster = 'breadth-cluster';
  const service = 'gantry-breadth-dev';

  beforeAll(async () => {
    platform = await startPlatform('breadth');
    await seedPlatform(api(), { project: 'breadth', step: newcomerStep });
    ecs = new ECSClient({
      endpoint: platform.sandbox.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
  });
  afterAll(async () => {
    ecs.destroy();
    await platform.close();
  });

  const finished = (id: string) => deployClient(platform).finished(id, 60_000);

  /** Creates a release; dev deploys automatically: returns that deployment once finished. */
  const releaseToDev = async (version: string) => {
    await api()
      .post('/api/projects/breadth/releases', { version, images: { web: version } })
      .expect(201);
    const latest = await eventually(async () => {
      const response = await api()
        .get('/api/deployments?project=breadth&environment=dev')
        .expect(200);
      const item = response.body.items[0] as
        (Deployment & { release: { version: string } }) | undefined;
      return item?.release.version === version ? item : undefined;
    });
    return finished(latest.id);
  };

  const describeService = async () =>
    (await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }))).services?.[0];

  const taskView = async (taskArn: string) =>
    (await (
      await fetch(`${platform.sandbox.url}/_sandbox/tasks/${encodeURIComponent(taskArn)}`)
    ).json()) as {
      capacityProviderName?: string;
      containers: { name: string; environment: Record<string, string> }[];
    };

  const runningTaskArns = async () =>
    (await ecs.send(new ListTasksCommand({ cluster, serviceName: service }))).taskArns ?? [];

  it('deploys a project with no roles and default logging on its first try, the secret out of the task definition', async () => {
    const first = await releaseToDev('1.0.0');
    expect(first.status).toBe('succeeded');
    const taskDefinitionArn = first.targets[0].outputs?.TaskDefinitionArn as string;

    const described = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: taskDefinitionArn, include: ['TAGS'] }),
    );
    const text = JSON.stringify(described);
    expect(text).not.toContain(FIRST_SECRET);
    const web = described.taskDefinition?.containerDefinitions?.[0];
    expect(web?.environment).toEqual([{ name: 'LOG_LEVEL', value: 'info' }]);
    expect(web?.secrets).toEqual([
      {
        name: 'DB_PASSWORD',
        valueFrom: expect.stringMatching(/^arn:aws:secretsmanager:eu-west-1:123456789012:secret:/),
      },
    ]);
    expect(described.taskDefinition?.executionRoleArn).toMatch(
      /^arn:aws:iam::123456789012:role\/gantry-breadth-dev-ExecutionRole-/,
    );
    expect(described.taskDefinition?.ephemeralStorage).toEqual({ sizeInGiB: 30 });
    expect(web).toMatchObject({ readonlyRootFilesystem: true, stopTimeout: 60 });

    const [taskArn] = await runningTaskArns();
    const view = await taskView(taskArn);
    expect(view.containers[0].environment).toEqual({
      LOG_LEVEL: 'info',
      DB_PASSWORD: FIRST_SECRET,
    });
    expect(view.capacityProviderName).toBe('FARGATE');

    const log = await api().get(`/api/deployments/${first.id}/log`).expect(200);
    expect(JSON.stringify(log.body)).not.toContain(FIRST_SECRET);
    const state = await (await fetch(`${platform.sandbox.url}/_sandbox/state`)).text();
    expect(state).not.toContain(FIRST_SECRET);
  });

  it('keeps a count scaled by hand (7) across a redeploy of a new release', async () => {
    const before = await describeService();
    await ecs.send(new UpdateServiceCommand({ cluster, service, desiredCount: 7 }));
    await eventually(async () => {
      const current = await describeService();
      return current?.runningCount === 7 ? current : undefined;
    });
    const second = await releaseToDev('1.1.0');
    expect(second.status).toBe('succeeded');
    const after = await describeService();
    expect(after?.serviceArn).toBe(before?.serviceArn);
    expect(after?.desiredCount).toBe(7);
    expect(after?.taskDefinition).toBe(second.targets[0].outputs?.TaskDefinitionArn);
    expect(after?.deployments?.[0]).toMatchObject({ runningCount: 7, rolloutState: 'COMPLETED' });

    // What `aws application-autoscaling describe-scalable-targets` shows for the stack's target.
    const scaling = new ApplicationAutoScalingClient({
      endpoint: platform.sandbox.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    try {
      const resourceId = `service/${cluster}/${service}`;
      const targets = await scaling.send(
        new DescribeScalableTargetsCommand({ ServiceNamespace: 'ecs', ResourceIds: [resourceId] }),
      );
      expect(targets.ScalableTargets).toEqual([
        expect.objectContaining({ ResourceId: resourceId, MinCapacity: 1, MaxCapacity: 10 }),
      ]);
      const policies = await scaling.send(
        new DescribeScalingPoliciesCommand({ ServiceNamespace: 'ecs', ResourceId: resourceId }),
      );
      expect(policies.ScalingPolicies).toEqual([
        expect.objectContaining({ PolicyType: 'TargetTrackingScaling' }),
      ]);
    } finally {
      scaling.destroy();
    }
  });

  it('updates the secret in place when the sensitive variable rotates, without replacing the service', async () => {
    const before = await describeService();
    const variables = await api().get('/api/projects/breadth/variables').expect(200);
    const items = (
      variables.body.items as {
        name: string;
        value: string | null;
        sensitive?: boolean;
        scope?: unknown;
        id?: string;
      }[]
    ).map((item) =>
      item.name === 'Db.Password'
        ? { name: item.name, value: ROTATED_SECRET, sensitive: true }
        : { name: item.name, value: item.value, sensitive: item.sensitive, scope: item.scope },
    );
    await api().put('/api/projects/breadth/variables', { items }).expect(200);
    const third = await releaseToDev('1.2.0');
    expect(third.status).toBe('succeeded');
    const changes = JSON.stringify(third.targets[0]);
    expect(changes).toMatch(/SecretDbPassword/);
    const after = await describeService();
    expect(after?.serviceArn).toBe(before?.serviceArn);
    expect(after?.desiredCount).toBe(7);

    const taskDefinitionArn = third.targets[0].outputs?.TaskDefinitionArn as string;
    const described = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: taskDefinitionArn }),
    );
    expect(JSON.stringify(described)).not.toContain(ROTATED_SECRET);
    const arns =
      (await ecs.send(new ListTasksCommand({ cluster, serviceName: service }))).taskArns ?? [];
    const views = await Promise.all(arns.map(taskView));
    expect(views.length).toBe(7);
    for (const view of views)
      expect(view.containers[0].environment.DB_PASSWORD).toBe(ROTATED_SECRET);
    const log = await api().get(`/api/deployments/${third.id}/log`).expect(200);
    expect(JSON.stringify(log.body)).not.toContain(ROTATED_SECRET);
    expect(JSON.stringify(third)).not.toContain(ROTATED_SECRET);
    const template = await api()
      .get(`/api/deployments/${third.id}`)
      .expect(200)
      .then((response) => JSON.stringify(response.body));
    expect(template).not.toContain(ROTATED_SECRET);
  });
});
