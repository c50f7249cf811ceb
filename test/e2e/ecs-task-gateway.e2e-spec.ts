import IORedis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { CreateClusterCommand, CreateServiceCommand } from '@aws-sdk/client-ecs';
import { nextTaskDefinitionRegistration } from '@gantry/domain';
import { deleteRedisPrefix } from '@gantry/testing';
import { AwsCaller } from '../../libs/deploy/src/aws/aws-caller';
import { createAwsClients, type AwsClients } from '../../libs/deploy/src/aws/aws-clients';
import { RedisRateLimiter } from '../../libs/deploy/src/aws/rate-limiter';
import { EcsGateway } from '../../libs/deploy/src/gateways/ecs.gateway';
import { startSandbox, type RunningSandbox } from '../../apps/sandbox/src/sandbox-server';
import { eventually } from '../support/platform-harness';

/** The ECS calls of ecs-run-task and ecs-update-service, through the shared rate limiter, against the sandbox. */
describe('EcsGateway: one-off tasks and services Gantry did not create', () => {
  const redisUrl = 'redis://127.0.0.1:6379';
  const prefix = `test-ecs-gateway-${randomBytes(4).toString('hex')}`;
  const redis = new IORedis(redisUrl);
  const calls: string[] = [];
  let sandbox: RunningSandbox;
  let clients: AwsClients;
  let ecs: EcsGateway;
  const cluster = 'jobs';
  const network = { subnets: ['subnet-0a1b2c3d'], securityGroups: [], assignPublicIp: false };

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, timeScale: 0.005 });
    clients = createAwsClients(
      {
        targetId: '00000000-0000-4000-8000-000000000001',
        slug: 'sandbox',
        name: 'Sandbox',
        region: 'eu-west-1',
        cluster,
        endpoint: null,
        credentials: { type: 'sandbox' },
      },
      sandbox.url,
    );
    const limiter = new RedisRateLimiter(redis, prefix, { perSecond: 500, burst: 100 });
    ecs = new EcsGateway(
      clients,
      new AwsCaller(limiter, { onCall: (action) => calls.push(action) }),
    );
    await clients.ecs.send(new CreateClusterCommand({ clusterName: cluster }));
  });
  afterAll(async () => {
    clients.ecs.destroy();
    clients.cloudformation.destroy();
    await sandbox.close();
    await deleteRedisPrefix(redisUrl, prefix);
    await redis.quit();
  });

  const register = (image: string, family = 'migrate') =>
    ecs.registerTaskDefinition({
      family,
      cpu: '256',
      memory: '512',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      containerDefinitions: [{ name: 'migrate', image, essential: true }],
    });

  it('runs a task once per client token, finds it by startedBy, and sees its exit code', async () => {
    const td = await register('shop/migrate:1.4.0-exit-0');
    const request = {
      cluster,
      taskDefinition: td.taskDefinitionArn as string,
      ...network,
      clientToken: 'gantry-d1-migrate-t1',
      startedBy: 'gantry-d1',
    };
    const first = await ecs.runTask(request);
    const again = await ecs.runTask(request);
    expect(first.failure).toBeNull();
    expect(again.task?.taskArn).toBe(first.task?.taskArn);
    const arn = first.task?.taskArn as string;
    const stopped = await eventually(async () => {
      const [task] = await ecs.describeTasks(cluster, [arn]);
      return task?.lastStatus === 'STOPPED' ? task : undefined;
    });
    expect(stopped.containers?.map((c) => [c.name, c.exitCode])).toEqual([['migrate', 0]]);
    expect(await ecs.listTasks(cluster, 'gantry-d1', 'STOPPED')).toEqual([arn]);
    expect(await ecs.listTasks(cluster, 'gantry-d1')).toEqual([]);
    expect(calls.filter((c) => c === 'RunTask')).toHaveLength(2);
  });

  it('stops a running task with a reason', async () => {
    const td = await register('shop/migrate:hang');
    const { task } = await ecs.runTask({
      cluster,
      taskDefinition: td.taskDefinitionArn as string,
      ...network,
      clientToken: 'gantry-d2-migrate-t1',
      startedBy: 'gantry-d2',
    });
    const arn = task?.taskArn as string;
    expect(await ecs.listTasks(cluster, 'gantry-d2')).toEqual([arn]);
    await ecs.stopTask(cluster, arn, 'Gantry: deployment d2 was cancelled');
    const stopped = await eventually(async () => {
      const [t] = await ecs.describeTasks(cluster, [arn]);
      return t?.lastStatus === 'STOPPED' ? t : undefined;
    });
    expect(stopped).toMatchObject({
      stopCode: 'UserInitiated',
      stoppedReason: 'Gantry: deployment d2 was cancelled',
    });
  });

  it('describes, re-registers and rolls out a service it did not create', async () => {
    const current = await ecs.registerTaskDefinition({
      family: 'legacy-api',
      cpu: '256',
      memory: '512',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      ephemeralStorage: { sizeInGiB: 40 },
      containerDefinitions: [
        {
          name: 'api',
          image: 'legacy/api:7',
          ulimits: [{ name: 'nofile', softLimit: 1024, hardLimit: 2048 }],
        },
      ],
      tags: [{ key: 'owner', value: 'legacy' }],
    });
    await clients.ecs.send(
      new CreateServiceCommand({
        cluster,
        serviceName: 'legacy-api',
        taskDefinition: current.taskDefinitionArn,
        desiredCount: 1,
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets: network.subnets } },
      }),
    );
    const service = await ecs.describeService(cluster, 'legacy-api');
    const described = await ecs.describeTaskDefinition(service?.taskDefinition as string);
    expect(described.tags).toEqual([{ key: 'owner', value: 'legacy' }]);
    const { input } = nextTaskDefinitionRegistration(
      described.taskDefinition as never,
      { images: { api: 'legacy/api:8' } },
      described.tags,
    );
    const next = await ecs.registerTaskDefinition(input as never);
    expect(next).toMatchObject({
      family: 'legacy-api',
      revision: 2,
      ephemeralStorage: { sizeInGiB: 40 },
    });
    expect(next.containerDefinitions?.[0]).toMatchObject({
      image: 'legacy/api:8',
      ulimits: [{ name: 'nofile', softLimit: 1024, hardLimit: 2048 }],
    });
    const updated = await ecs.updateService(
      cluster,
      'legacy-api',
      next.taskDefinitionArn as string,
    );
    expect(updated.taskDefinition).toBe(next.taskDefinitionArn);
    const rolled = await eventually(async () => {
      const s = await ecs.describeService(cluster, 'legacy-api');
      return s?.deployments?.[0]?.rolloutState === 'COMPLETED' ? s : undefined;
    });
    expect(rolled.deployments?.[0].taskDefinition).toBe(next.taskDefinitionArn);
  });
});
