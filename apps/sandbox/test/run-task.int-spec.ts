import {
  DescribeTasksCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  type ContainerDefinition,
  type Task,
} from '@aws-sdk/client-ecs';
import { failureOf, startKitWithClusters, stopKit, waitUntil, type Kit } from './sandbox-kit';

/** One-off tasks (RunTask): exits per container, essential containers, client tokens, StopTask. */
describe('standalone tasks (RunTask, StopTask, ListTasks)', () => {
  let kit: Kit;
  const cluster = 'jobs';
  const network = { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d'] } };
  let family = 0;

  const register = async (containers: ContainerDefinition[]) =>
    (
      await kit.ecs.send(
        new RegisterTaskDefinitionCommand({
          family: `job-${++family}`,
          cpu: '256',
          memory: '512',
          networkMode: 'awsvpc',
          requiresCompatibilities: ['FARGATE'],
          containerDefinitions: containers,
        }),
      )
    ).taskDefinition?.taskDefinitionArn as string;
  const run = async (taskDefinition: string, extra: Record<string, unknown> = {}) =>
    (
      await kit.ecs.send(
        new RunTaskCommand({
          cluster,
          taskDefinition,
          launchType: 'FARGATE',
          networkConfiguration: network,
          ...extra,
        }),
      )
    ).tasks?.[0] as Task;
  const describeTask = async (arn: string) =>
    (await kit.ecs.send(new DescribeTasksCommand({ cluster, tasks: [arn] }))).tasks?.[0] as Task;
  const stopped = (arn: string) =>
    waitUntil(async () => {
      const t = await describeTask(arn);
      return t.lastStatus === 'STOPPED' ? t : undefined;
    });
  const exits = (task: Task) =>
    Object.fromEntries((task.containers ?? []).map((c) => [c.name, c.exitCode]));

  beforeAll(async () => {
    kit = await startKitWithClusters(cluster);
  });
  afterAll(() => stopKit(kit));

  it('runs a one-off task to completion: its essential container exits 0 and the task stops', async () => {
    const task = await run(await register([{ name: 'migrate', image: 'shop/migrate:1.4.0' }]), {
      startedBy: 'gantry-deploy-1',
    });
    expect(task).toMatchObject({ lastStatus: 'PROVISIONING', startedBy: 'gantry-deploy-1' });
    const done = await stopped(task.taskArn as string);
    expect(done).toMatchObject({
      desiredStatus: 'STOPPED',
      stoppedReason: 'Essential container in task exited',
      stopCode: 'EssentialContainerExited',
    });
    expect(exits(done)).toEqual({ migrate: 0 });
    expect(done.containers?.[0].lastStatus).toBe('STOPPED');
  });

  it('reports the exit code an `exit-<N>` tag asks for, per container', async () => {
    const task = await run(
      await register([
        { name: 'migrate', image: 'shop/migrate:2.0.0-exit-3', essential: true },
        { name: 'proxy', image: 'envoy:hang', essential: false },
      ]),
    );
    const done = await stopped(task.taskArn as string);
    expect(done.stoppedReason).toBe('Essential container in task exited');
    // The proxy was still running: it got SIGTERM with its task and exited cleanly.
    expect(exits(done)).toEqual({ migrate: 3, proxy: 0 });
  });

  it('keeps a task running when a non-essential container crashes', async () => {
    const task = await run(
      await register([
        { name: 'serve', image: 'shop/web:1-hang', essential: true },
        { name: 'metrics', image: 'metrics:crash', essential: false },
      ]),
    );
    const arn = task.taskArn as string;
    const sidecarDown = await waitUntil(async () => {
      const t = await describeTask(arn);
      return t.containers?.find((c) => c.name === 'metrics')?.lastStatus === 'STOPPED'
        ? t
        : undefined;
    });
    expect(sidecarDown.lastStatus).toBe('RUNNING');
    expect(sidecarDown.containers?.find((c) => c.name === 'metrics')?.exitCode).toBe(1);
    expect(sidecarDown.containers?.find((c) => c.name === 'serve')?.lastStatus).toBe('RUNNING');
    await kit.ecs.send(new StopTaskCommand({ cluster, task: arn }));
    const done = await stopped(arn);
    expect(done).toMatchObject({
      stoppedReason: 'Task stopped by user',
      stopCode: 'UserInitiated',
    });
    expect(exits(done)).toEqual({ serve: 0, metrics: 1 });
  });

  it('stops a task when an essential container crashes, the other containers with it', async () => {
    const task = await run(
      await register([
        { name: 'migrate', image: 'shop/migrate:crash' },
        { name: 'worker', image: 'shop/worker:hang' },
      ]),
    );
    const done = await stopped(task.taskArn as string);
    expect(done).toMatchObject({
      stoppedReason: 'Essential container in task exited',
      stopCode: 'EssentialContainerExited',
    });
    expect(exits(done)).toEqual({ migrate: 1, worker: 0 });
  });

  it('gives no exit code to containers that never ran (a pull error)', async () => {
    const task = await run(await register([{ name: 'migrate', image: 'shop/migrate:pull-error' }]));
    const done = await stopped(task.taskArn as string);
    expect(done.stopCode).toBe('TaskFailedToStart');
    expect(done.stoppedReason).toMatch(/^CannotPullContainerError: /);
    expect(done.containers?.[0].exitCode).toBeUndefined();
    expect(done.containers?.[0].reason).toBe(done.stoppedReason);
  });

  it('is idempotent per client token: the same request answers the same task, another one conflicts', async () => {
    const td = await register([{ name: 'migrate', image: 'shop/migrate:hang' }]);
    const request = { clientToken: 'deploy-42-migrate-dev', startedBy: 'gantry-42', count: 1 };
    const first = await run(td, request);
    const again = await run(td, request);
    expect(again.taskArn).toBe(first.taskArn);
    const listed = await kit.ecs.send(new ListTasksCommand({ cluster, startedBy: 'gantry-42' }));
    expect(listed.taskArns).toEqual([first.taskArn]);

    const conflict = (await kit.ecs
      .send(
        new RunTaskCommand({
          cluster,
          taskDefinition: td,
          launchType: 'FARGATE',
          networkConfiguration: network,
          ...request,
          startedBy: 'someone-else',
        }),
      )
      .then(
        () => undefined,
        (e: unknown) => e,
      )) as { name: string; message: string; resourceIds?: string[] };
    expect(conflict).toMatchObject({
      name: 'ConflictException',
      resourceIds: [first.taskArn],
    });
    expect(conflict.message).toMatch(
      /^The RunTask request could not be processed due to conflicts/,
    );

    // A stopped task is still what the token answers.
    await kit.ecs.send(new StopTaskCommand({ cluster, task: first.taskArn }));
    await stopped(first.taskArn as string);
    expect((await run(td, request)).lastStatus).toBe('STOPPED');
  });

  it('stops a task on request (UserInitiated) and lists it under its startedBy as STOPPED', async () => {
    const task = await run(await register([{ name: 'migrate', image: 'shop/migrate:hang' }]), {
      startedBy: 'gantry-stop',
    });
    const arn = task.taskArn as string;
    await waitUntil(async () =>
      (await describeTask(arn)).lastStatus === 'RUNNING' ? true : undefined,
    );
    const stop = await kit.ecs.send(
      new StopTaskCommand({ cluster, task: arn, reason: 'Gantry: deployment cancelled' }),
    );
    expect(stop.task).toMatchObject({ desiredStatus: 'STOPPED', stopCode: 'UserInitiated' });
    const done = await stopped(arn);
    expect(done).toMatchObject({
      stoppedReason: 'Gantry: deployment cancelled',
      stopCode: 'UserInitiated',
    });
    expect(exits(done)).toEqual({ migrate: 0 });
    const running = await kit.ecs.send(new ListTasksCommand({ cluster, startedBy: 'gantry-stop' }));
    expect(running.taskArns).toEqual([]);
    const all = await kit.ecs.send(
      new ListTasksCommand({ cluster, startedBy: 'gantry-stop', desiredStatus: 'STOPPED' }),
    );
    expect(all.taskArns).toEqual([arn]);
  });

  it('refuses what ECS refuses: no container instances for EC2, FARGATE needs awsvpc', async () => {
    const td = await register([{ name: 'migrate', image: 'shop/migrate:1' }]);
    expect(
      await failureOf(
        kit.ecs.send(new RunTaskCommand({ cluster, taskDefinition: td, launchType: 'EC2' })),
      ),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'No Container Instances were found in your cluster.',
    });
    const bridge = (
      await kit.ecs.send(
        new RegisterTaskDefinitionCommand({
          family: 'bridge-job',
          containerDefinitions: [{ name: 'job', image: 'job:1', memory: 128 }],
        }),
      )
    ).taskDefinition?.taskDefinitionArn;
    expect(
      await failureOf(
        kit.ecs.send(
          new RunTaskCommand({
            cluster,
            taskDefinition: bridge,
            launchType: 'FARGATE',
            networkConfiguration: network,
          }),
        ),
      ),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'Task definition does not support launch_type FARGATE.',
    });
  });
});
