import { randomBytes } from 'node:crypto';
import { arn, hex, uuid } from '../ids';
import { TIMINGS } from '../timings';
import type { EcsContext } from './ecs-context';
import type {
  Cluster,
  JsonObject,
  Task,
  TaskContainer,
  TaskDefinition,
  TaskEni,
} from './ecs-types';
import type { SandboxState } from '../state';
import { containerExit, crashesOnTraffic, pullErrorReason, taskFault } from './faults';
import { findParameter } from '../ssm/ssm';

const MAX_STOPPED_PER_SERVICE = 100;

/** An awsvpc task's network interface in the first subnet given, with a private address. */
function newEni(network: JsonObject | undefined): TaskEni {
  const awsvpc = network?.awsvpcConfiguration as { subnets?: string[] } | undefined;
  const bytes = randomBytes(4);
  return {
    attachmentId: uuid(),
    networkInterfaceId: `eni-${hex(9).slice(0, 17)}`,
    subnetId: awsvpc?.subnets?.[0] ?? '',
    privateIPv4Address: `10.0.${bytes[0]}.${1 + (bytes[1] % 254)}`,
    macAddress: [0x0a, bytes[2], bytes[3], ...randomBytes(3)]
      .map((b) => b.toString(16).padStart(2, '0'))
      .join(':'),
  };
}

export interface StartTaskInput {
  cluster: Cluster;
  taskDefinition: TaskDefinition;
  launchType: string;
  capacityProviderName?: string;
  group: string;
  startedBy?: string;
  serviceArn?: string;
  network?: JsonObject;
}

export interface TaskListener {
  changed(task: Task): void;
  failed(task: Task): void;
}

/** Walks tasks through PROVISIONING → PENDING → RUNNING (→ healthy) and STOPPING → STOPPED. */
export class TaskLifecycle {
  constructor(
    private readonly ctx: EcsContext,
    private readonly listener: TaskListener,
  ) {}

  start(input: StartTaskInput): Task {
    const id = hex(16);
    const clusterName = input.cluster.clusterName;
    const containers = input.taskDefinition.containerDefinitions.map((c) => {
      const { environment, missingParameters } = containerEnvironment(
        this.ctx.state,
        input.cluster.region,
        c,
      );
      return {
        name: String(c.name),
        image: String(c.image),
        essential: c.essential !== false,
        hasHealthCheck: c.healthCheck !== undefined,
        containerArn: arn.container(input.cluster.region, clusterName, id),
        environment,
        ...(missingParameters.length > 0 ? { missingParameters } : {}),
      };
    });
    const task: Task = {
      taskArn: arn.task(input.cluster.region, clusterName, id),
      clusterArn: input.cluster.clusterArn,
      region: input.cluster.region,
      taskDefinitionArn: input.taskDefinition.taskDefinitionArn,
      group: input.group,
      startedBy: input.startedBy,
      serviceArn: input.serviceArn,
      lastStatus: 'PROVISIONING',
      desiredStatus: 'RUNNING',
      healthy: false,
      launchType: input.launchType,
      capacityProviderName: input.capacityProviderName,
      createdAt: Date.now(),
      cpu: input.taskDefinition.rest.cpu as string | undefined,
      memory: input.taskDefinition.rest.memory as string | undefined,
      eni: input.taskDefinition.rest.networkMode === 'awsvpc' ? newEni(input.network) : undefined,
      containers,
    };
    this.ctx.state.tasks.set(task.taskArn, task);
    this.ctx.state.indexTask(task);
    this.ctx.scheduler.after(TIMINGS.taskProvisioning, () => this.toPending(task));
    return task;
  }

  /** Asks a task to stop; `failure` marks a task that stopped on its own (crash, pull error). */
  stop(task: Task, reason: string, stopCode: string, options: { failure?: boolean } = {}): void {
    if (task.desiredStatus === 'STOPPED') return;
    task.desiredStatus = 'STOPPED';
    task.stoppedReason = reason;
    task.stopCode = stopCode;
    task.stoppingAt = Date.now();
    task.lastStatus = 'STOPPING';
    task.healthy = false;
    const delay = options.failure ? TIMINGS.faultStopping : TIMINGS.taskStopping;
    this.ctx.scheduler.after(delay, () => this.toStopped(task));
    if (options.failure) this.listener.failed(task);
    this.listener.changed(task);
  }

  /**
   * Production traffic reaches a running task (its target group takes production traffic, or the
   * service has no load balancer): a `crash-on-traffic` container exits 1 soon after.
   */
  receiveTraffic(task: Task): void {
    if (!this.live(task) || task.productionTrafficAt !== undefined) return;
    task.productionTrafficAt = Date.now();
    for (const container of task.containers)
      if (crashesOnTraffic(container.image))
        this.ctx.scheduler.after(TIMINGS.crashAfterRunning, () => this.exited(task, container, 1));
  }

  private live(task: Task): boolean {
    return task.desiredStatus === 'RUNNING' && this.ctx.state.tasks.get(task.taskArn) === task;
  }

  private toPending(task: Task): void {
    if (!this.live(task)) return;
    task.lastStatus = 'PENDING';
    task.pullStartedAt = Date.now();
    this.listener.changed(task);
    this.ctx.scheduler.after(TIMINGS.taskPull, () => this.toRunning(task));
  }

  private toRunning(task: Task): void {
    if (!this.live(task)) return;
    // The agent fetches the containers' secrets before anything runs; a missing one stops the task.
    const secretsFailure = this.secretsFailure(task);
    if (secretsFailure) {
      this.stop(task, secretsFailure, 'TaskFailedToStart', { failure: true });
      return;
    }
    // Any container's image that cannot be pulled stops the task before anything runs.
    const unpullable = task.containers.find((c) => taskFault([c.image]) === 'pull-error');
    if (unpullable) {
      unpullable.reason = pullErrorReason(unpullable.image);
      this.stop(task, unpullable.reason, 'TaskFailedToStart', { failure: true });
      return;
    }
    task.lastStatus = 'RUNNING';
    task.pullStoppedAt = Date.now();
    task.startedAt = Date.now();
    this.listener.changed(task);
    const standalone = task.serviceArn === undefined;
    for (const container of task.containers) {
      const exit = containerExit(container.image, standalone);
      if (!exit) continue;
      const after = exit.after === 'crash' ? TIMINGS.crashAfterRunning : TIMINGS.oneOffRun;
      this.ctx.scheduler.after(after, () => this.exited(task, container, exit.exitCode));
    }
    const essentialImages = task.containers.filter((c) => c.essential).map((c) => c.image);
    if (taskFault(essentialImages) === 'crash') return;
    const healthy =
      taskFault(essentialImages) === 'slow' ? TIMINGS.slowTaskHealthy : TIMINGS.taskHealthy;
    this.ctx.scheduler.after(healthy, () => this.toHealthy(task));
  }

  /** The stopped reason ECS reports when an SSM parameter a container's `secrets` name does not exist. */
  private secretsFailure(task: Task): string | undefined {
    const missing = new Set(task.containers.flatMap((c) => c.missingParameters ?? []));
    if (missing.size === 0) return undefined;
    return (
      'ResourceInitializationError: unable to pull secrets or registry auth: execution resource ' +
      'retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 ' +
      `time(s): invalid ssm parameters: ${[...missing].join(', ')}`
    );
  }

  /**
   * A container's process ended. A non-essential container stops alone; an essential one stops
   * the task (`Essential container in task exited`) and the others are stopped with it.
   */
  private exited(task: Task, container: TaskContainer, exitCode: number): void {
    if (!this.live(task) || container.stopped) return;
    container.stopped = true;
    container.exitCode = exitCode;
    if (!container.essential) {
      this.listener.changed(task);
      return;
    }
    // A service counts any task that stops on its own as failed; a one-off task that ran to
    // completion is no failure, but it stops as quickly.
    this.stop(task, 'Essential container in task exited', 'EssentialContainerExited', {
      failure: task.serviceArn !== undefined || exitCode !== 0,
    });
  }

  private toHealthy(task: Task): void {
    if (!this.live(task)) return;
    task.healthy = true;
    this.listener.changed(task);
  }

  private toStopped(task: Task): void {
    if (task.lastStatus === 'STOPPED') return;
    // Containers still running get SIGTERM and exit cleanly; containers that never ran have no exit code.
    for (const container of task.containers) {
      if (container.stopped) continue;
      container.stopped = true;
      if (task.startedAt !== undefined) container.exitCode = 0;
    }
    task.lastStatus = 'STOPPED';
    task.stoppedAt = Date.now();
    this.listener.changed(task);
    if (task.serviceArn) this.prune(task.serviceArn);
  }

  /** ECS forgets stopped tasks after a while; keep the newest ones so a crash loop stays bounded. */
  private prune(serviceArn: string): void {
    const set = this.ctx.state.tasksByService.get(serviceArn);
    if (!set || set.size <= MAX_STOPPED_PER_SERVICE) return;
    const stopped = this.ctx.state
      .serviceTasks(serviceArn)
      .filter((t) => t.lastStatus === 'STOPPED');
    if (stopped.length <= MAX_STOPPED_PER_SERVICE) return;
    stopped.sort((a, b) => (a.stoppedAt ?? 0) - (b.stoppedAt ?? 0));
    for (const t of stopped.slice(0, stopped.length - MAX_STOPPED_PER_SERVICE)) {
      set.delete(t.taskArn);
      this.ctx.state.tasks.delete(t.taskArn);
    }
  }
}

/**
 * A container's environment as its process sees it: `environment` plus each of its `secrets`
 * resolved, as the agent does when the task starts. Secrets Manager secrets the sandbox holds
 * resolve to their current value (with a `:json-key:` the key of a JSON value; one the sandbox
 * does not hold stays unresolved); SSM parameters (ARN or name) to their decrypted value, and
 * one that does not exist is listed in `missingParameters` (by name, as ECS reports it).
 */
function containerEnvironment(
  state: SandboxState,
  region: string,
  container: JsonObject,
): { environment: Record<string, string>; missingParameters: string[] } {
  const environment: Record<string, string> = {};
  const missingParameters: string[] = [];
  for (const entry of (container.environment as { name?: string; value?: string }[]) ?? [])
    if (entry.name) environment[entry.name] = String(entry.value ?? '');
  for (const entry of (container.secrets as { name?: string; valueFrom?: string }[]) ?? []) {
    if (!entry.name || !entry.valueFrom) continue;
    const value = isSsmReference(entry.valueFrom)
      ? findParameter(state, region, entry.valueFrom)?.value
      : resolveSecret(state, entry.valueFrom);
    if (value !== undefined) environment[entry.name] = value;
    else if (isSsmReference(entry.valueFrom))
      missingParameters.push(ssmParameterName(entry.valueFrom));
  }
  return { environment, missingParameters };
}

/** `valueFrom` names an SSM parameter: its ARN, or a bare name (anything that is not an ARN). */
const isSsmReference = (valueFrom: string): boolean =>
  !valueFrom.startsWith('arn:') || valueFrom.split(':')[2] === 'ssm';

/** The parameter's name as ECS reports it: `/a/b` for `arn:…:parameter/a/b`. */
function ssmParameterName(valueFrom: string): string {
  if (!valueFrom.startsWith('arn:')) return valueFrom;
  const resource = valueFrom.split(':').slice(5).join(':');
  return resource.startsWith('parameter/') ? resource.slice('parameter'.length) : resource;
}

function resolveSecret(state: SandboxState, valueFrom: string): string | undefined {
  const parts = valueFrom.split(':');
  if (parts[2] !== 'secretsmanager') return undefined;
  const secret = state.secrets.get(parts.slice(0, 7).join(':'));
  if (!secret) return undefined;
  const jsonKey = parts[7];
  if (!jsonKey) return secret.secretString;
  try {
    const value = (JSON.parse(secret.secretString) as Record<string, unknown>)[jsonKey];
    return value === undefined ? undefined : String(value);
  } catch {
    return undefined;
  }
}
