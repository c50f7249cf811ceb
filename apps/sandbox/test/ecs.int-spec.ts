import {
  CreateClusterCommand,
  CreateServiceCommand,
  DeleteServiceCommand,
  DeregisterTaskDefinitionCommand,
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListClustersCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  UpdateServiceCommand,
  type Service,
} from '@aws-sdk/client-ecs';
import { startKitWithClusters, stopKit, waitUntil, type Kit } from './sandbox-kit';

describe('ECS (SDK over HTTP)', () => {
  let kit: Kit;
  const cluster = 'ecs-tests';
  const network = { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d'] } };

  const register = async (image: string) =>
    (
      await kit.ecs.send(
        new RegisterTaskDefinitionCommand({
          family: 'api',
          cpu: '256',
          memory: '512',
          networkMode: 'awsvpc',
          requiresCompatibilities: ['FARGATE'],
          containerDefinitions: [
            { name: 'api', image, essential: true, healthCheck: { command: ['CMD', 'true'] } },
          ],
        }),
      )
    ).taskDefinition?.taskDefinitionArn as string;
  const describe1 = async (name: string): Promise<Service> =>
    (await kit.ecs.send(new DescribeServicesCommand({ cluster, services: [name] })))
      .services?.[0] as Service;
  const settled = (name: string) =>
    waitUntil(async () => {
      const s = await describe1(name);
      return s.deployments?.[0].rolloutState !== 'IN_PROGRESS' && s.deployments?.length === 1
        ? s
        : undefined;
    });

  beforeAll(async () => {
    kit = await startKitWithClusters(cluster);
  });
  afterAll(() => stopKit(kit));

  it('creates clusters idempotently and lists and describes them', async () => {
    const again = await kit.ecs.send(new CreateClusterCommand({ clusterName: cluster }));
    expect(again.cluster).toMatchObject({
      clusterName: cluster,
      status: 'ACTIVE',
      clusterArn: `arn:aws:ecs:eu-west-1:123456789012:cluster/${cluster}`,
    });
    expect((await kit.ecs.send(new ListClustersCommand({}))).clusterArns).toContain(
      again.cluster?.clusterArn,
    );
    const described = await kit.ecs.send(
      new DescribeClustersCommand({ clusters: [cluster, 'nope'] }),
    );
    expect(described.failures).toEqual([
      { arn: 'arn:aws:ecs:eu-west-1:123456789012:cluster/nope', reason: 'MISSING' },
    ]);
    await expect(
      kit.ecs.send(
        new CreateServiceCommand({ cluster: 'nope', serviceName: 'x', taskDefinition: 'api' }),
      ),
    ).rejects.toMatchObject({
      name: 'ClusterNotFoundException',
      message: 'Cluster not found.',
    });
  });

  it.each([
    ['min 100 / max 200', 2, 100, 200],
    ['min 50 / max 100', 4, 50, 100],
  ])(
    'rolls a deployment within %s',
    async (label, desiredCount, minimumHealthyPercent, maximumPercent) => {
      const name = `roll-${desiredCount}`;
      const v1 = await register('api:1');
      await kit.ecs.send(
        new CreateServiceCommand({
          cluster,
          serviceName: name,
          taskDefinition: v1,
          desiredCount,
          launchType: 'FARGATE',
          networkConfiguration: network,
          deploymentConfiguration: { minimumHealthyPercent, maximumPercent },
        }),
      );
      const first = await settled(name);
      expect(first).toMatchObject({ runningCount: desiredCount, taskDefinition: v1 });
      const v2 = await register('api:2');
      await kit.ecs.send(new UpdateServiceCommand({ cluster, service: name, taskDefinition: v2 }));
      let maxLive = 0;
      let minRunning = Infinity;
      const done = await waitUntil(async () => {
        const s = await describe1(name);
        const live = (s.deployments ?? []).reduce(
          (n, d) => n + (d.runningCount ?? 0) + (d.pendingCount ?? 0),
          0,
        );
        maxLive = Math.max(maxLive, live);
        minRunning = Math.min(minRunning, s.runningCount ?? 0);
        return s.deployments?.length === 1 && s.deployments[0].rolloutState === 'COMPLETED'
          ? s
          : undefined;
      });
      expect(done.taskDefinition).toBe(v2);
      expect(maxLive).toBeLessThanOrEqual(Math.floor((desiredCount * maximumPercent) / 100));
      expect(minRunning).toBeGreaterThanOrEqual(
        Math.ceil((desiredCount * minimumHealthyPercent) / 100),
      );
      expect(label).toBeTruthy();
      const messages = done.events?.map((e) => e.message) ?? [];
      expect(messages[0]).toBe(`(service ${name}) has reached a steady state.`);
      expect(
        messages.some((m) =>
          new RegExp(`^\\(service ${name}\\) has started \\d+ tasks: \\(task [0-9a-f]{32}\\)`).test(
            m ?? '',
          ),
        ),
      ).toBe(true);
      expect(messages.some((m) => m?.startsWith(`(service ${name}) has stopped`))).toBe(true);
    },
  );

  it('fails a crashing deployment without rollback and leaves it FAILED', async () => {
    const name = 'no-rollback';
    await kit.ecs.send(
      new CreateServiceCommand({
        cluster,
        serviceName: name,
        taskDefinition: await register('api:1'),
        desiredCount: 1,
        launchType: 'FARGATE',
        networkConfiguration: network,
        deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: false } },
      }),
    );
    await settled(name);
    const crash = await register('api:crash');
    await kit.ecs.send(new UpdateServiceCommand({ cluster, service: name, taskDefinition: crash }));
    const failed = await waitUntil(async () => {
      const s = await describe1(name);
      return s.deployments?.[0].rolloutState === 'FAILED' ? s : undefined;
    });
    expect(failed.taskDefinition).toBe(crash);
    expect(failed.deployments?.[0]).toMatchObject({
      status: 'PRIMARY',
      rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
      failedTasks: 3,
    });
    expect(failed.deployments?.[1]).toMatchObject({
      status: 'ACTIVE',
      rolloutState: 'COMPLETED',
      runningCount: 1,
    });
  });

  it('runs and stops standalone tasks, walking PROVISIONING → PENDING → RUNNING', async () => {
    // `hang`: the container never exits on its own (a one-off task's container otherwise does).
    const td = await register('api:1-hang');
    const run = await kit.ecs.send(
      new RunTaskCommand({
        cluster,
        taskDefinition: td,
        launchType: 'FARGATE',
        networkConfiguration: network,
        count: 2,
        startedBy: 'gantry',
      }),
    );
    expect(run.tasks?.map((t) => t.lastStatus)).toEqual(['PROVISIONING', 'PROVISIONING']);
    const seen = new Set<string>();
    const arn = run.tasks?.[0].taskArn as string;
    await waitUntil(async () => {
      const t = (await kit.ecs.send(new DescribeTasksCommand({ cluster, tasks: [arn] })))
        .tasks?.[0];
      seen.add(t?.lastStatus ?? '');
      return t?.healthStatus === 'HEALTHY' || undefined;
    });
    expect(seen.has('RUNNING')).toBe(true);
    const listed = await kit.ecs.send(new ListTasksCommand({ cluster, startedBy: 'gantry' }));
    expect(listed.taskArns?.sort()).toEqual(run.tasks?.map((t) => t.taskArn).sort());
    await kit.ecs.send(new StopTaskCommand({ cluster, task: arn, reason: 'Stopped by the test' }));
    const stopped = await waitUntil(async () => {
      const t = (await kit.ecs.send(new DescribeTasksCommand({ cluster, tasks: [arn] })))
        .tasks?.[0];
      return t?.lastStatus === 'STOPPED' ? t : undefined;
    });
    expect(stopped).toMatchObject({
      desiredStatus: 'STOPPED',
      stoppedReason: 'Stopped by the test',
      stopCode: 'UserInitiated',
    });
    expect(stopped.containers?.[0].exitCode).toBe(0);
    const stoppedList = await kit.ecs.send(
      new ListTasksCommand({ cluster, startedBy: 'gantry', desiredStatus: 'STOPPED' }),
    );
    expect(stoppedList.taskArns).toEqual([arn]);
  });

  it('lists an INACTIVE revision only while a service or task still refers to it, as AWS does', async () => {
    const used = await register('api:inactive-used');
    const unused = await register('api:inactive-unused');
    await kit.ecs.send(
      new CreateServiceCommand({
        cluster,
        serviceName: 'keeps-a-revision',
        taskDefinition: used,
        desiredCount: 1,
        launchType: 'FARGATE',
        networkConfiguration: network,
      }),
    );
    for (const arn of [used, unused])
      await kit.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: arn }));
    const inactive = await kit.ecs.send(
      new ListTaskDefinitionsCommand({ familyPrefix: 'api', status: 'INACTIVE' }),
    );
    expect(inactive.taskDefinitionArns).toContain(used);
    expect(inactive.taskDefinitionArns).not.toContain(unused);
    const described = await kit.ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: unused }),
    );
    expect(described.taskDefinition?.status).toBe('INACTIVE');
    await kit.ecs.send(
      new DeleteServiceCommand({ cluster, service: 'keeps-a-revision', force: true }),
    );
  });

  it('registers, lists and deregisters task definitions and deletes services', async () => {
    const arn = await register('api:9');
    const latest = await kit.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'api' }));
    expect(latest.taskDefinition?.taskDefinitionArn).toBe(arn);
    await kit.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: arn }));
    const active = await kit.ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'api' }));
    expect(active.taskDefinitionArns).not.toContain(arn);
    await expect(
      kit.ecs.send(new DeleteServiceCommand({ cluster, service: 'roll-2' })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'The service cannot be stopped while it is scaled above 0.',
    });
    await kit.ecs.send(new DeleteServiceCommand({ cluster, service: 'roll-2', force: true }));
    const gone = await waitUntil(async () =>
      (await describe1('roll-2')).status === 'INACTIVE' ? true : undefined,
    );
    expect(gone).toBe(true);
    await expect(
      kit.ecs.send(new UpdateServiceCommand({ cluster, service: 'roll-2', desiredCount: 1 })),
    ).rejects.toMatchObject({
      name: 'ServiceNotActiveException',
    });
  });
});
