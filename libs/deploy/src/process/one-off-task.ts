import { pollDelayMs, runTaskOutcome, taskIdOf, type TargetOutcome } from '@gantry/domain';
import type { RunnerSettings } from '../runner/runner-settings';
import { sleep, type TargetContext } from '../runner/target-context';
import type { TargetRecorder } from './target-progress';

/** Target statuses of a one-off task: RunTask may have been sent / the task ARN is recorded. */
export const TASK_STARTING = 'task-starting';
export const TASK_RUNNING = 'task-running';

/** The output under which a target records the task it started. */
export const TASK_ARN_OUTPUT = 'TaskArn';

export interface OneOffTaskRequest {
  /** The revision the step's stack registered (its `TaskDefinitionArn` output). */
  taskDefinitionArn: string;
  /** The task definition family (the step's stack name): ListTasks narrows to it. */
  family: string;
  subnets: string[];
  securityGroups: string[];
  assignPublicIp: boolean;
  /** The step's essential containers: the task succeeds when each exited 0. */
  essentialContainers: string[];
  /** Same on every attempt of this deployment's step on this target: RunTask answers the same task. */
  clientToken: string;
  /** Names the deployment. */
  startedBy: string;
  /** How long the task may run, from RunTask, before it is stopped and the step fails. */
  timeoutSeconds: number;
  deploymentId: string;
}

/**
 * Runs one one-off task on a target and waits for it: RunTask with a client token derived from
 * the deployment, step and target (recorded as `task-starting` first, the task ARN recorded as
 * soon as it is known), so an attempt after a worker died re-attaches to the task instead of
 * starting a second one. Cancel and timeout stop the task (StopTask).
 */
export class OneOffTask {
  constructor(
    private readonly context: TargetContext,
    private readonly recorder: TargetRecorder,
    private readonly settings: RunnerSettings,
  ) {}

  async run(request: OneOffTaskRequest): Promise<TargetOutcome> {
    const started = await this.start(request);
    if (typeof started !== 'string') return started;
    return this.follow(started, request);
  }

  /** The task's ARN (started now, found again, or recorded), or the outcome when none was started. */
  private async start(request: OneOffTaskRequest): Promise<string | TargetOutcome> {
    const { log, cluster } = this.context;
    const recorded = this.recorder.progress.outputs?.[TASK_ARN_OUTPUT];
    if (recorded) {
      await log.warn('worker', `Re-attached to task ${taskIdOf(recorded)}.`);
      return recorded;
    }
    if (this.recorder.progress.status === TASK_STARTING) {
      // A worker died around RunTask: the task may exist. Look before asking again (the same
      // client token would answer it too, for 24 hours).
      const found = await this.find(request);
      if (found) {
        await this.recordTask(found);
        await log.warn(
          'worker',
          `Re-attached to task ${taskIdOf(found)}, started by an earlier attempt.`,
        );
        return found;
      }
    } else if (await this.context.isCancelRequested()) {
      return { status: 'cancelled', error: 'Cancelled before the task was started.' };
    }
    await this.recorder.record({
      status: TASK_STARTING,
      operationStartedAt: this.recorder.progress.operationStartedAt ?? new Date(),
    });
    const { task, failure } = await this.context.ecs.runTask({
      cluster,
      taskDefinition: request.taskDefinitionArn,
      subnets: request.subnets,
      securityGroups: request.securityGroups,
      assignPublicIp: request.assignPublicIp,
      clientToken: request.clientToken,
      startedBy: request.startedBy,
    });
    if (!task?.taskArn)
      return {
        status: 'failed',
        error: `RunTask started no task: ${failure ?? 'no reason given'}.`,
      };
    await this.recordTask(task.taskArn);
    await log.info(
      'ecs',
      `Started task ${taskIdOf(task.taskArn)} of ${revisionOf(request.taskDefinitionArn)} on cluster ${cluster}.`,
    );
    return task.taskArn;
  }

  private async recordTask(taskArn: string): Promise<void> {
    await this.recorder.record({
      status: TASK_RUNNING,
      outputs: { ...(this.recorder.progress.outputs ?? {}), [TASK_ARN_OUTPUT]: taskArn },
    });
  }

  /** A task this deployment started of this revision, running or stopped. */
  private async find(request: OneOffTaskRequest): Promise<string | null> {
    const { ecs, cluster } = this.context;
    const arns = [
      ...(await ecs.listTasks(cluster, request.startedBy, 'RUNNING', request.family)),
      ...(await ecs.listTasks(cluster, request.startedBy, 'STOPPED', request.family)),
    ];
    const tasks = await ecs.describeTasks(cluster, arns);
    return (
      tasks.find((task) => task.taskDefinitionArn === request.taskDefinitionArn)?.taskArn ?? null
    );
  }

  /** Polls the task until it stopped; stops it on cancel or timeout. */
  private async follow(taskArn: string, request: OneOffTaskRequest): Promise<TargetOutcome> {
    const { ecs, cluster, log } = this.context;
    const id = taskIdOf(taskArn);
    const since = this.recorder.progress.operationStartedAt?.getTime() ?? Date.now();
    const deadline = since + request.timeoutSeconds * 1000;
    let lastStatus = '';
    for (let polls = 0; ; polls++) {
      const [task] = await ecs.describeTasks(cluster, [taskArn]);
      if (!task)
        return {
          status: 'failed',
          error: `Task ${id} is no longer known to ECS (stopped tasks are forgotten after a while); its outcome is unknown.`,
        };
      const outcome = runTaskOutcome(task, request.essentialContainers);
      if (outcome.state === 'succeeded') {
        await log.info('ecs', outcome.summary);
        return { status: 'succeeded' };
      }
      if (outcome.state === 'failed') {
        await log.error('ecs', outcome.error);
        return { status: 'failed', error: outcome.error };
      }
      if (outcome.lastStatus !== lastStatus) {
        lastStatus = outcome.lastStatus;
        await log.info('ecs', `Task ${id} is ${lastStatus}.`);
      }
      if (await this.context.isCancelRequested()) return this.stop(taskArn, request, 'cancel');
      if (Date.now() > deadline) return this.stop(taskArn, request, 'timeout');
      await sleep(pollDelayMs(polls, this.settings.pollMinMs, this.settings.pollMaxMs));
    }
  }

  private async stop(
    taskArn: string,
    request: OneOffTaskRequest,
    why: 'cancel' | 'timeout',
  ): Promise<TargetOutcome> {
    const { ecs, cluster, log } = this.context;
    const id = taskIdOf(taskArn);
    const reason =
      why === 'cancel'
        ? `Gantry: deployment ${request.deploymentId} was cancelled`
        : `Gantry: the task ran longer than ${request.timeoutSeconds} s`;
    await log.warn('ecs', `Stopping task ${id}: ${reason.slice('Gantry: '.length)}.`);
    await ecs.stopTask(cluster, taskArn, reason);
    const deadline = Date.now() + this.settings.busyStackTimeoutSeconds * 1000;
    let details = `Task ${id} was asked to stop (${reason}).`;
    for (let polls = 0; Date.now() < deadline; polls++) {
      const [task] = await ecs.describeTasks(cluster, [taskArn]);
      const outcome = task ? runTaskOutcome(task, request.essentialContainers) : null;
      if (!outcome || outcome.state !== 'running') {
        if (outcome?.state === 'failed') details = outcome.error;
        break;
      }
      await sleep(pollDelayMs(polls, this.settings.pollMinMs, this.settings.pollMaxMs));
    }
    await log.info('ecs', details);
    return why === 'cancel'
      ? { status: 'cancelled', error: `Cancelled: task ${id} was stopped.`, details }
      : {
          status: 'failed',
          error: `Timed out after ${request.timeoutSeconds} s: task ${id} was stopped.`,
          details,
        };
  }
}

/** `family:revision` of a task definition ARN. */
export function revisionOf(taskDefinitionArn: string): string {
  return taskDefinitionArn.slice(taskDefinitionArn.lastIndexOf('/') + 1);
}
