import { deploymentId, uuid } from '../ids';
import { TIMINGS } from '../timings';
import { BlueGreenDriver } from './blue-green';
import type { EcsContext } from './ecs-context';
import type { Deployment, Service, Task } from './ecs-types';
import { serviceDeployments } from './service-deployments';
import { productionSide, takesProductionTraffic, targetGroupsOn } from './target-groups';
import { TaskLifecycle } from './tasks';

const MAX_EVENTS = 100;

/** ECS's failed-task threshold for the circuit breaker: half the desired count, between 3 and 200. */
export function failureThreshold(desiredCount: number): number {
  return Math.min(200, Math.max(3, Math.ceil(desiredCount * 0.5)));
}

export function taskId(taskArn: string): string {
  return taskArn.slice(taskArn.lastIndexOf('/') + 1);
}

/** Rolls a service's deployments forward: starts and stops tasks within min/max percent, detects steady state and runs the circuit breaker. */
export class DeploymentController {
  readonly tasks: TaskLifecycle;
  private readonly queued = new Set<string>();
  private readonly steadyChecks = new Set<string>();
  private readonly blueGreen: BlueGreenDriver;

  constructor(private readonly ctx: EcsContext) {
    this.tasks = new TaskLifecycle(ctx, {
      changed: (task) => task.serviceArn && this.schedule(task.serviceArn),
      failed: (task) => this.taskFailed(task),
    });
    this.blueGreen = new BlueGreenDriver(ctx, {
      launch: (service, deployment, count) => this.launch(service, deployment, count, 0, Infinity),
      stopTasks: (service, tasks, by) => this.stopTasks(service, tasks, by),
      event: (service, message) => this.event(service, message),
      schedule: (serviceArn, delayMs) => this.schedule(serviceArn, delayMs),
      complete: (service, deployment) => this.complete(service, deployment),
    });
  }

  newDeployment(service: Service, taskDefinition: string, rollbackOf?: string): Deployment {
    const now = Date.now();
    const id = deploymentId();
    const live = this.ctx.state
      .serviceTasks(service.serviceArn)
      .filter((t) => t.desiredStatus === 'RUNNING');
    const sources = service.deployments.filter((d) => live.some((t) => t.startedBy === d.id));
    const blueGreenSource = rollbackOf ? undefined : this.blueGreen.sourceFor(service, live);
    for (const d of service.deployments) d.status = 'ACTIVE';
    const deployment: Deployment = {
      id,
      status: 'PRIMARY',
      taskDefinition,
      desiredCount: service.desiredCount,
      pendingCount: 0,
      runningCount: 0,
      failedTasks: 0,
      createdAt: now,
      updatedAt: now,
      rolloutState: 'IN_PROGRESS',
      rolloutStateReason: `ECS deployment ${id} in progress.`,
      rollbackOf,
      side: productionSide(service),
    };
    if (blueGreenSource) this.blueGreen.begin(service, deployment, blueGreenSource, live);
    service.deployments.unshift(deployment);
    service.taskDefinition = taskDefinition;
    service.consecutiveFailures = 0;
    service.nextLaunchAt = 0;
    if (!rollbackOf)
      serviceDeployments.started(
        service,
        deployment,
        sources,
        failureThreshold(service.desiredCount),
      );
    else serviceDeployments.revision(service, deployment);
    this.schedule(service.serviceArn);
    return deployment;
  }

  event(service: Service, message: string): void {
    service.events.unshift({
      id: uuid(),
      createdAt: Date.now(),
      message: `(service ${service.serviceName}) ${message}`,
    });
    if (service.events.length > MAX_EVENTS) service.events.length = MAX_EVENTS;
  }

  /** Debounced: many task transitions in one tick cause one reconcile. */
  schedule(serviceArn: string, delayMs = 0): void {
    if (delayMs === 0 && this.queued.has(serviceArn)) return;
    if (delayMs === 0) this.queued.add(serviceArn);
    this.ctx.scheduler.after(delayMs, () => {
      if (delayMs === 0) this.queued.delete(serviceArn);
      const service = this.ctx.state.services.get(serviceArn);
      if (service) this.reconcile(service);
    });
  }

  private readonly delayed = new Set<string>();

  private scheduleLaunch(serviceArn: string, realWaitMs: number): void {
    if (this.delayed.has(serviceArn)) return;
    this.delayed.add(serviceArn);
    // nextLaunchAt is in real time; the scheduler takes simulated time (a wait implies timeScale > 0).
    this.ctx.scheduler.after(realWaitMs / this.ctx.scheduler.timeScale, () => {
      this.delayed.delete(serviceArn);
      this.schedule(serviceArn);
    });
  }

  reconcile(service: Service): void {
    const tasks = this.ctx.state.serviceTasks(service.serviceArn);
    const live = tasks.filter((t) => t.desiredStatus === 'RUNNING');
    this.updateCounts(service, tasks);
    if (service.status !== 'ACTIVE') return this.drain(service, live, tasks);
    const primary = service.deployments[0];
    if (!primary) return;
    this.syncTargets(service, tasks);
    if (primary.blueGreen) {
      this.blueGreen.reconcile(service, primary, live);
      this.dropDrained(service, live);
      return;
    }
    const { minimumHealthyPercent, maximumPercent } = service.deploymentConfiguration;
    const desired = service.desiredCount;
    const primaryLive = live.filter((t) => t.startedBy === primary.id);
    const oldLive = live.filter((t) => t.startedBy !== primary.id);
    if (primaryLive.length > desired) {
      const extra = [...primaryLive]
        .sort((a, b) => Number(a.healthy) - Number(b.healthy))
        .slice(0, primaryLive.length - desired);
      this.stopTasks(service, extra, primary.id);
    }
    this.launch(
      service,
      primary,
      primaryLive.length,
      live.length,
      Math.floor((desired * maximumPercent) / 100),
    );
    const healthyTotal = live.filter((t) => t.healthy).length;
    this.retire(service, oldLive, healthyTotal, Math.ceil((desired * minimumHealthyPercent) / 100));
    this.dropDrained(service, live);
    this.checkSteady(service, primary, live);
    serviceDeployments.settleRollbacks(service);
  }

  /**
   * Load balancer registration, as ECS does it: a task is registered in its deployment's target
   * groups once healthy and deregistered when it stops; one in a production target group (or of
   * a service without load balancers) receives production traffic.
   */
  private syncTargets(service: Service, tasks: Task[]): void {
    const registered = new Map<string, number>();
    const deregistered = new Map<string, number>();
    const count = (map: Map<string, number>, arns: string[]) => {
      for (const arn of arns) map.set(arn, (map.get(arn) ?? 0) + 1);
    };
    for (const task of tasks) {
      if (task.desiredStatus === 'RUNNING' && task.healthy && !task.targetGroupArns) {
        const side = service.deployments.find((d) => d.id === task.startedBy)?.side;
        task.targetGroupArns = targetGroupsOn(service, side ?? productionSide(service));
        count(registered, task.targetGroupArns);
      } else if (task.desiredStatus !== 'RUNNING' && task.targetGroupArns?.length) {
        count(deregistered, task.targetGroupArns);
        task.targetGroupArns = [];
      }
      if (takesProductionTraffic(service, task)) this.tasks.receiveTraffic(task);
    }
    for (const [arn, n] of registered)
      this.event(service, `registered ${n} targets in (target-group ${arn})`);
    for (const [arn, n] of deregistered)
      this.event(service, `deregistered ${n} targets in (target-group ${arn})`);
  }

  private launch(
    service: Service,
    primary: Deployment,
    primaryCount: number,
    liveCount: number,
    maxTotal: number,
  ): void {
    if (primary.rolloutState === 'FAILED') return;
    const want = Math.min(service.desiredCount - primaryCount, Math.max(maxTotal, 1) - liveCount);
    if (want <= 0) return;
    const wait = service.nextLaunchAt - Date.now();
    if (wait > 0) return this.scheduleLaunch(service.serviceArn, wait);
    const cluster = this.ctx.state.clusters.get(service.clusterArn);
    const taskDefinition = this.ctx.state.taskDefinitions.get(primary.taskDefinition);
    if (!cluster || !taskDefinition) return;
    const started = Array.from({ length: want }, () =>
      this.tasks.start({
        cluster,
        taskDefinition,
        launchType: service.launchType,
        capacityProviderName: nextCapacityProvider(
          service,
          this.ctx.state.serviceTasks(service.serviceArn),
        ),
        group: `service:${service.serviceName}`,
        startedBy: primary.id,
        serviceArn: service.serviceArn,
        network: service.networkConfiguration,
      }),
    );
    this.event(
      service,
      `has started ${started.length} tasks: ${started.map((t) => `(task ${taskId(t.taskArn)})`).join(' ')}.`,
    );
  }

  private retire(
    service: Service,
    oldLive: Task[],
    healthyTotal: number,
    minHealthy: number,
  ): void {
    const unhealthy = oldLive.filter((t) => !t.healthy);
    const healthy = oldLive.filter((t) => t.healthy);
    const stoppable = Math.max(0, healthyTotal - minHealthy);
    const victims = [...unhealthy, ...healthy.slice(0, stoppable)];
    if (victims.length > 0) this.stopTasks(service, victims, service.deployments[0].id);
  }

  private stopTasks(service: Service, tasks: Task[], by: string): void {
    for (const t of tasks)
      this.tasks.stop(
        t,
        `Scaling activity initiated by (deployment ${by})`,
        'ServiceSchedulerInitiated',
      );
    const running = tasks.filter((t) => t.startedAt !== undefined);
    if (running.length > 0) {
      this.event(
        service,
        `has stopped ${running.length} running tasks: ${running.map((t) => `(task ${taskId(t.taskArn)})`).join(' ')}.`,
      );
    }
  }

  private dropDrained(service: Service, live: Task[]): void {
    const primaryId = service.deployments[0].id;
    service.deployments = service.deployments.filter(
      (d) => d.id === primaryId || live.some((t) => t.startedBy === d.id),
    );
  }

  private checkSteady(service: Service, primary: Deployment, live: Task[]): void {
    if (primary.rolloutState !== 'IN_PROGRESS' || !this.isSteady(service, primary, live)) return;
    if (this.steadyChecks.has(primary.id)) return;
    this.steadyChecks.add(primary.id);
    this.ctx.scheduler.after(TIMINGS.steadyCheck, () => {
      this.steadyChecks.delete(primary.id);
      const current = this.ctx.state
        .serviceTasks(service.serviceArn)
        .filter((t) => t.desiredStatus === 'RUNNING');
      if (service.deployments[0] !== primary || primary.rolloutState !== 'IN_PROGRESS') return;
      if (!this.isSteady(service, primary, current)) return this.schedule(service.serviceArn);
      this.complete(service, primary);
    });
  }

  private complete(service: Service, primary: Deployment): void {
    primary.rolloutState = 'COMPLETED';
    primary.rolloutStateReason = `ECS deployment ${primary.id} completed.`;
    primary.updatedAt = Date.now();
    primary.blueGreen = undefined;
    service.lastCompletedTaskDefinition = primary.taskDefinition;
    service.lastCompletedDeploymentId = primary.id;
    serviceDeployments.completed(service, primary);
    this.event(service, `(deployment ${primary.id}) deployment completed.`);
    this.event(service, 'has reached a steady state.');
    this.schedule(service.serviceArn);
  }

  private isSteady(service: Service, primary: Deployment, live: Task[]): boolean {
    const healthy = live.filter((t) => t.startedBy === primary.id && t.healthy).length;
    return (
      service.deployments.length === 1 &&
      healthy === service.desiredCount &&
      live.length === service.desiredCount
    );
  }

  private taskFailed(task: Task): void {
    const service = task.serviceArn ? this.ctx.state.services.get(task.serviceArn) : undefined;
    if (!service) return;
    const deployment = service.deployments.find((d) => d.id === task.startedBy);
    if (!deployment) return;
    deployment.failedTasks++;
    serviceDeployments.failedTask(service, deployment);
    service.consecutiveFailures++;
    service.nextLaunchAt = Date.now() + this.ctx.scheduler.scaled(TIMINGS.relaunchBackoff);
    if (service.consecutiveFailures === 5) {
      this.event(
        service,
        'is unable to consistently start tasks successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.',
      );
    }
    const breaker = service.deploymentConfiguration.deploymentCircuitBreaker;
    if (
      deployment !== service.deployments[0] ||
      deployment.rolloutState !== 'IN_PROGRESS' ||
      !breaker.enable
    )
      return;
    if (deployment.failedTasks < failureThreshold(service.desiredCount)) return;
    const reason = 'ECS deployment circuit breaker: tasks failed to start.';
    deployment.rolloutState = 'FAILED';
    deployment.rolloutStateReason = reason;
    deployment.updatedAt = Date.now();
    this.event(service, `(deployment ${deployment.id}) deployment failed: tasks failed to start.`);
    if (this.blueGreen.rollBack(service, deployment, reason, breaker.rollback)) return;
    const target = service.lastCompletedTaskDefinition;
    if (breaker.rollback && target && this.ctx.state.taskDefinitions.has(target)) {
      const rollback = this.newDeployment(service, target, deployment.id);
      serviceDeployments.rollingBack(service, deployment, rollback, reason);
      this.event(
        service,
        `rolling back to deployment ${service.lastCompletedDeploymentId ?? rollback.id}.`,
      );
    } else serviceDeployments.failed(service, deployment, reason);
  }

  private updateCounts(service: Service, tasks: Task[]): void {
    for (const d of service.deployments) {
      d.runningCount = 0;
      d.pendingCount = 0;
      d.desiredCount = d.status === 'PRIMARY' ? service.desiredCount : 0;
    }
    for (const t of tasks) {
      if (t.desiredStatus !== 'RUNNING') continue;
      const d = service.deployments.find((x) => x.id === t.startedBy);
      if (!d) continue;
      if (t.lastStatus === 'RUNNING') d.runningCount++;
      else d.pendingCount++;
    }
  }

  private drain(service: Service, live: Task[], tasks: Task[]): void {
    if (live.length > 0) {
      for (const t of live) this.tasks.stop(t, 'Service deletion', 'ServiceSchedulerInitiated');
      return;
    }
    if (service.status === 'DRAINING' && tasks.every((t) => t.lastStatus === 'STOPPED')) {
      service.status = 'INACTIVE';
      service.deployments = [];
    }
  }
}

/**
 * Where a service's next task goes under its capacity provider strategy: the provider with a base
 * until it runs that many tasks, then the one furthest below its share of the weights.
 */
export function nextCapacityProvider(service: Service, tasks: Task[]): string | undefined {
  const strategy = service.capacityProviderStrategy;
  if (!strategy) return undefined;
  const counts = new Map<string, number>();
  for (const task of tasks)
    if (task.desiredStatus === 'RUNNING' && task.capacityProviderName)
      counts.set(task.capacityProviderName, (counts.get(task.capacityProviderName) ?? 0) + 1);
  const count = (name: string) => counts.get(name) ?? 0;
  const underBase = strategy.find((item) => count(item.capacityProvider) < item.base);
  if (underBase) return underBase.capacityProvider;
  const weighted = strategy.filter((item) => item.weight > 0);
  if (weighted.length === 0) return strategy[0].capacityProvider;
  const load = (item: (typeof weighted)[number]) =>
    (count(item.capacityProvider) - item.base) / item.weight;
  return weighted.reduce((best, item) => (load(item) < load(best) ? item : best)).capacityProvider;
}
