import IORedis from 'ioredis';
import { randomBytes } from 'node:crypto';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  type RegisterTaskDefinitionCommandInput,
} from '@aws-sdk/client-ecs';
import { runTaskClientToken, runTaskStartedBy } from '@gantry/domain';
import { deleteRedisPrefix } from '@gantry/testing';
import { AwsCaller } from '../../libs/deploy/src/aws/aws-caller';
import { createAwsClients, type AwsClients } from '../../libs/deploy/src/aws/aws-clients';
import { RedisRateLimiter } from '../../libs/deploy/src/aws/rate-limiter';
import { CloudFormationGateway } from '../../libs/deploy/src/gateways/cloudformation.gateway';
import { EcsGateway } from '../../libs/deploy/src/gateways/ecs.gateway';
import {
  OneOffTask,
  TASK_STARTING,
  type OneOffTaskRequest,
} from '../../libs/deploy/src/process/one-off-task';
import { ServiceImageUpdate } from '../../libs/deploy/src/process/service-image-update';
import type { TargetProgress, TargetRecorder } from '../../libs/deploy/src/process/target-progress';
import type { DeploymentLog } from '../../libs/deploy/src/runner/deployment-log';
import type { RunnerSettings } from '../../libs/deploy/src/runner/runner-settings';
import type { TargetContext } from '../../libs/deploy/src/runner/target-context';
import { startSandbox, type RunningSandbox } from '../../apps/sandbox/src/sandbox-server';

/**
 * The one-off task and service update at the heart of the ecs-run-task and ecs-update-service
 * executors, against the sandbox through the real gateways and rate limiter. The progress a
 * target records is kept here in memory (the deployment e2e specs keep it in PostgreSQL), so a
 * "crash" is a new instance reading what the last one recorded.
 */
describe('one-off tasks and service updates (executor core, sandbox)', () => {
  const redisUrl = 'redis://127.0.0.1:6379';
  const prefix = `test-task-core-${randomBytes(4).toString('hex')}`;
  const redis = new IORedis(redisUrl);
  let sandbox: RunningSandbox;
  let clients: AwsClients;
  let ecs: EcsGateway;
  let cloudformation: CloudFormationGateway;
  const cluster = 'core';
  const subnets = ['subnet-0a1b2c3d'];
  const settings: RunnerSettings = {
    workerId: 'test',
    leaseSeconds: 5,
    pollMinMs: 20,
    pollMaxMs: 100,
    timeoutSeconds: 30,
    busyStackTimeoutSeconds: 20,
    maxWorkerErrors: 3,
    sandboxUrl: '',
  };

  const lines: string[] = [];
  const log = {
    info: async (_source: string, message: string) => void lines.push(message),
    warn: async (_source: string, message: string) => void lines.push(`WARN ${message}`),
    error: async (_source: string, message: string) => void lines.push(`ERROR ${message}`),
    mask: (text: string) => text,
  } as unknown as DeploymentLog;

  const recorder = (
    start: Partial<TargetProgress> = {},
  ): TargetRecorder & { progress: TargetProgress } => {
    const progress: TargetProgress = {
      status: 'rendered',
      outputs: null,
      operationStartedAt: null,
      ...start,
    };
    return {
      progress,
      async record(patch) {
        Object.assign(progress, patch);
      },
    };
  };
  const context = (cancel: () => boolean = () => false): TargetContext =>
    ({
      cluster,
      ecs,
      cloudformation,
      log,
      isCancelRequested: async () => cancel(),
      clusterProblem: async () => null,
    }) as unknown as TargetContext;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, timeScale: 0.01 });
    clients = createAwsClients(
      {
        targetId: '00000000-0000-4000-8000-000000000002',
        slug: 'sandbox',
        name: 'Sandbox',
        region: 'eu-west-1',
        cluster,
        endpoint: null,
        credentials: { type: 'sandbox' },
      },
      sandbox.url,
    );
    const caller = new AwsCaller(
      new RedisRateLimiter(redis, prefix, { perSecond: 500, burst: 100 }),
    );
    ecs = new EcsGateway(clients, caller);
    cloudformation = new CloudFormationGateway(clients, caller);
    await clients.ecs.send(new CreateClusterCommand({ clusterName: cluster }));
  });
  afterAll(async () => {
    clients.ecs.destroy();
    clients.cloudformation.destroy();
    await sandbox.close();
    await deleteRedisPrefix(redisUrl, prefix);
    await redis.quit();
  });

  const register = async (
    family: string,
    containers: RegisterTaskDefinitionCommandInput['containerDefinitions'],
  ) =>
    (
      await clients.ecs.send(
        new RegisterTaskDefinitionCommand({
          family,
          cpu: '256',
          memory: '512',
          networkMode: 'awsvpc',
          requiresCompatibilities: ['FARGATE'],
          containerDefinitions: containers,
        }),
      )
    ).taskDefinition?.taskDefinitionArn as string;

  const taskRequest = (
    deployment: string,
    taskDefinitionArn: string,
    family: string,
  ): OneOffTaskRequest => ({
    taskDefinitionArn,
    family,
    subnets,
    securityGroups: [],
    assignPublicIp: false,
    essentialContainers: ['migrate'],
    clientToken: runTaskClientToken(deployment, 'migrate', 'target-1'),
    startedBy: runTaskStartedBy(deployment),
    timeoutSeconds: 30,
    deploymentId: deployment,
  });
  const tasksStartedBy = async (deployment: string) => {
    const by = runTaskStartedBy(deployment);
    const running = await clients.ecs.send(new ListTasksCommand({ cluster, startedBy: by }));
    const stopped = await clients.ecs.send(
      new ListTasksCommand({ cluster, startedBy: by, desiredStatus: 'STOPPED' }),
    );
    return [...(running.taskArns ?? []), ...(stopped.taskArns ?? [])];
  };

  it('runs a migration to success, recording the task before waiting for it', async () => {
    const td = await register('core-migrate-ok', [
      { name: 'migrate', image: 'shop/migrate:1.4.0' },
      { name: 'xray', image: 'xray:crash', essential: false },
    ]);
    const progress = recorder();
    const outcome = await new OneOffTask(context(), progress, settings).run(
      taskRequest('d-ok', td, 'core-migrate-ok'),
    );
    expect(outcome).toEqual({ status: 'succeeded' });
    expect(progress.progress.outputs?.TaskArn).toMatch(/:task\/core\//);
    expect(await tasksStartedBy('d-ok')).toEqual([progress.progress.outputs?.TaskArn]);
    expect(lines.join('\n')).toMatch(
      /completed: migrate exit code 0, xray \(non-essential\) exit code 1/,
    );
  });

  it('fails a migration whose essential container exits non-zero, naming each exit code', async () => {
    const td = await register('core-migrate-bad', [
      { name: 'migrate', image: 'shop/migrate:exit-3' },
    ]);
    const outcome = await new OneOffTask(context(), recorder(), settings).run(
      taskRequest('d-bad', td, 'core-migrate-bad'),
    );
    expect(outcome).toMatchObject({ status: 'failed' });
    expect((outcome as { error: string }).error).toMatch(
      /failed: Essential container in task exited \(EssentialContainerExited\); migrate exit code 3\.$/,
    );
  });

  it('re-attaches after a crash around RunTask instead of starting the task twice', async () => {
    const td = await register('core-migrate-crash', [
      { name: 'migrate', image: 'shop/migrate:1.4.0' },
    ]);
    const request = taskRequest('d-crash', td, 'core-migrate-crash');
    // The first worker recorded `task-starting`, called RunTask, and died before recording the ARN.
    await ecs.runTask({
      cluster,
      taskDefinition: td,
      subnets,
      securityGroups: [],
      assignPublicIp: false,
      clientToken: request.clientToken,
      startedBy: request.startedBy,
    });
    const progress = recorder({ status: TASK_STARTING, operationStartedAt: new Date() });
    const outcome = await new OneOffTask(context(), progress, settings).run(request);
    expect(outcome).toEqual({ status: 'succeeded' });
    expect(await tasksStartedBy('d-crash')).toEqual([progress.progress.outputs?.TaskArn]);
    // Even with nothing recorded at all, the same client token answers the same task.
    const again = await new OneOffTask(context(), recorder(), settings).run(request);
    expect(again).toEqual({ status: 'succeeded' });
    expect(await tasksStartedBy('d-crash')).toHaveLength(1);
  });

  it('stops the task on cancel and on timeout', async () => {
    const td = await register('core-migrate-hang', [
      { name: 'migrate', image: 'shop/migrate:hang' },
    ]);
    let cancelled = false;
    const progress = recorder();
    const run = new OneOffTask(
      context(() => cancelled),
      progress,
      settings,
    ).run(taskRequest('d-cancel', td, 'core-migrate-hang'));
    while (!progress.progress.outputs?.TaskArn) await new Promise((r) => setTimeout(r, 20));
    cancelled = true;
    const outcome = await run;
    expect(outcome).toMatchObject({
      status: 'cancelled',
      error: expect.stringMatching(/^Cancelled: task \w+ was stopped\.$/),
    });
    expect((outcome as { details: string }).details).toMatch(
      /Gantry: deployment d-cancel was cancelled \(UserInitiated\)/,
    );

    const timedOut = await new OneOffTask(context(), recorder(), settings).run({
      ...taskRequest('d-timeout', td, 'core-migrate-hang'),
      timeoutSeconds: 1,
    });
    expect(timedOut).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/^Timed out after 1 s: task \w+ was stopped\.$/),
    });
  });

  describe('a service Gantry did not create', () => {
    // Two tasks: both crash at once under production traffic, so the circuit breaker (3 failed
    // tasks) trips well within the bake.
    const blueGreen = {
      desiredCount: 2,
      deploymentConfiguration: {
        strategy: 'BLUE_GREEN' as const,
        bakeTimeInMinutes: 1,
        deploymentCircuitBreaker: { enable: true, rollback: true },
      },
      loadBalancers: [
        {
          targetGroupArn:
            'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/legacy-blue/0123456789abcdef',
          containerName: 'api',
          containerPort: 8080,
          advancedConfiguration: {
            alternateTargetGroupArn:
              'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/legacy-green/fedcba9876543210',
            productionListenerRule:
              'arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener-rule/app/legacy/0123456789abcdef/0123456789abcdef/1111111111111111',
            roleArn: 'arn:aws:iam::123456789012:role/ecs-infrastructure',
          },
        },
      ],
    };
    const createService = async (
      name: string,
      breaker: boolean,
      extra: Partial<typeof blueGreen> = {},
    ) => {
      const td = await clients.ecs.send(
        new RegisterTaskDefinitionCommand({
          family: name,
          cpu: '256',
          memory: '512',
          networkMode: 'awsvpc',
          requiresCompatibilities: ['FARGATE'],
          ephemeralStorage: { sizeInGiB: 30 },
          containerDefinitions: [
            {
              name: 'api',
              image: 'legacy/api:7',
              environment: [{ name: 'MODE', value: 'legacy' }],
              dockerLabels: { team: 'legacy' },
              stopTimeout: 60,
            },
          ],
        }),
      );
      await clients.ecs.send(
        new CreateServiceCommand({
          cluster,
          serviceName: name,
          taskDefinition: td.taskDefinition?.taskDefinitionArn,
          desiredCount: 1,
          launchType: 'FARGATE',
          networkConfiguration: { awsvpcConfiguration: { subnets } },
          deploymentConfiguration: {
            deploymentCircuitBreaker: { enable: breaker, rollback: breaker },
          },
          ...extra,
        }),
      );
      // Steady first: the circuit breaker rolls back only to a deployment that completed.
      for (;;) {
        const primary = (
          await clients.ecs.send(new DescribeServicesCommand({ cluster, services: [name] }))
        ).services?.[0].deployments?.find((d) => d.status === 'PRIMARY');
        if (primary?.rolloutState === 'COMPLETED') break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return td.taskDefinition?.taskDefinitionArn as string;
    };
    const primaryOf = async (name: string) =>
      (
        await clients.ecs.send(new DescribeServicesCommand({ cluster, services: [name] }))
      ).services?.[0].deployments?.find((d) => d.status === 'PRIMARY');

    it('registers a revision keeping every field, rolls it out, and records the previous one', async () => {
      const previous = await createService('legacy-ok', false);
      const progress = recorder();
      const outcome = await new ServiceImageUpdate(context(), progress, settings).run({
        cluster,
        service: 'legacy-ok',
        images: { api: 'legacy/api:8' },
        environment: { RELEASE: '8' },
        timeoutSeconds: 30,
      });
      expect(outcome).toEqual({ status: 'succeeded' });
      expect(progress.progress.outputs?.PreviousTaskDefinitionArn).toBe(previous);
      const next = progress.progress.outputs?.TaskDefinitionArn as string;
      expect((await primaryOf('legacy-ok'))?.taskDefinition).toBe(next);
      const described = (
        await clients.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: next }))
      ).taskDefinition;
      expect(described).toMatchObject({ revision: 2, ephemeralStorage: { sizeInGiB: 30 } });
      expect(described?.containerDefinitions?.[0]).toMatchObject({
        image: 'legacy/api:8',
        dockerLabels: { team: 'legacy' },
        stopTimeout: 60,
        environment: [
          { name: 'MODE', value: 'legacy' },
          { name: 'RELEASE', value: '8' },
        ],
      });
    });

    it('puts a service without a circuit breaker back on the previous revision when the rollout fails', async () => {
      const previous = await createService('legacy-crash', false);
      const outcome = await new ServiceImageUpdate(context(), recorder(), settings).run({
        cluster,
        service: 'legacy-crash',
        images: { api: 'legacy/api:8-crash' },
        environment: {},
        timeoutSeconds: 2,
      });
      expect(outcome).toMatchObject({ status: 'failed' });
      expect((outcome as { error: string }).error).toMatch(
        /did not complete in 2 s: .*task\(s\) stopped: Essential container in task exited \(api exit code 1\); service legacy-crash is back on legacy-crash:1\.$/,
      );
      expect(await primaryOf('legacy-crash')).toMatchObject({
        taskDefinition: previous,
        rolloutState: 'COMPLETED',
      });
    });

    it('reports the rollback ECS did when the circuit breaker rolled the service back', async () => {
      const previous = await createService('legacy-breaker', true);
      const outcome = await new ServiceImageUpdate(context(), recorder(), settings).run({
        cluster,
        service: 'legacy-breaker',
        images: { api: 'legacy/api:8-crash' },
        environment: {},
        timeoutSeconds: 60,
      });
      expect(outcome).toMatchObject({ status: 'failed' });
      expect((outcome as { error: string }).error).toMatch(
        /failed: ECS put service legacy-breaker back on legacy-breaker:1/,
      );
      expect((await primaryOf('legacy-breaker'))?.taskDefinition).toBe(previous);
    });

    it('logs the phases of a blue/green service it updates, and the rollback when the new revision crashes during bake', async () => {
      await createService('legacy-bg', true, blueGreen);
      lines.length = 0;
      const deployed = await new ServiceImageUpdate(context(), recorder(), settings).run({
        cluster,
        service: 'legacy-bg',
        images: { api: 'legacy/api:8' },
        environment: {},
        timeoutSeconds: 60,
      });
      expect(deployed).toEqual({ status: 'succeeded' });
      const phases = lines.filter((line) => line.startsWith('Blue/green: '));
      expect(phases[0]).toBe('Blue/green: preparing revision :2; production traffic stays on :1');
      expect(phases).toContain('Blue/green: baking for 1 min (:1 keeps running for a rollback)');
      expect(phases.at(-1)).toBe('Blue/green: deployed: production traffic is on revision :2');

      lines.length = 0;
      const crashed = await new ServiceImageUpdate(context(), recorder(), settings).run({
        cluster,
        service: 'legacy-bg',
        images: { api: 'legacy/api:9-crash-on-traffic' },
        environment: {},
        timeoutSeconds: 60,
      });
      expect(crashed).toMatchObject({ status: 'failed' });
      expect((crashed as { error: string }).error).toMatch(
        /failed: ECS put service legacy-bg back on legacy-bg:2/,
      );
      expect(lines).toContain(
        'WARN Blue/green: rolling back to revision :2: ECS deployment circuit breaker: tasks failed to start.',
      );
      expect((await primaryOf('legacy-bg'))?.taskDefinition).toMatch(/legacy-bg:2$/);
    });

    it('fails naming a container the service does not have, changing nothing', async () => {
      const previous = await createService('legacy-typo', false);
      await expect(
        new ServiceImageUpdate(context(), recorder(), settings).run({
          cluster,
          service: 'legacy-typo',
          images: { web: 'legacy/web:8' },
          environment: {},
          timeoutSeconds: 30,
        }),
      ).rejects.toThrow(/'web' is not a container of task definition legacy-typo:1 \(it has api\)/);
      expect((await primaryOf('legacy-typo'))?.taskDefinition).toBe(previous);
    });
  });
});
