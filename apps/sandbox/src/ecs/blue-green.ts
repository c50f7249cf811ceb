import { nextBlueGreenStage, type BlueGreenStage } from '@gantry/domain';
import { TIMINGS } from '../timings';
import type { EcsContext } from './ecs-context';
import type { Deployment, Service, Task } from './ecs-types';
import { serviceDeployments } from './service-deployments';
import { otherSide, productionSide } from './target-groups';

/** What the blue/green driver asks of the deployment controller. */
export interface RolloutOps {
  launch(service: Service, deployment: Deployment, liveOfDeployment: number): void;
  stopTasks(service: Service, tasks: Task[], by: string): void;
  event(service: Service, message: string): void;
  schedule(serviceArn: string, delayMs?: number): void;
  complete(service: Service, deployment: Deployment): void;
}

/** Stages that only wait (a listener rule change, a stage without hooks) before the next. */
const TIMED: BlueGreenStage[] = [
  'PRE_SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
];

/**
 * ECS-native blue/green (Strategy BLUE_GREEN): the new revision (green) starts in full beside
 * the old one (blue) on the other target group of each load balancer, test then production
 * traffic moves to it, both run for the bake time, then blue stops. The circuit breaker failing
 * green at any stage puts production traffic back on blue and stops green.
 */
export class BlueGreenDriver {
  private readonly timers = new Set<string>();

  constructor(
    private readonly ctx: EcsContext,
    private readonly ops: RolloutOps,
  ) {}

  /**
   * Whether a new deployment of the service runs blue/green, and from which deployment: the one
   * whose tasks take production traffic now. A first deployment (nothing running) just starts.
   */
  sourceFor(service: Service, live: Task[]): Deployment | undefined {
    if (service.deploymentConfiguration.strategy !== 'BLUE_GREEN') return undefined;
    const side = productionSide(service);
    return service.deployments.find(
      (d) => (d.side ?? 'primary') === side && live.some((t) => t.startedBy === d.id),
    );
  }

  /** Marks a new deployment blue/green from `source`: its tasks go to the other side. */
  begin(service: Service, deployment: Deployment, source: Deployment, live: Task[]): void {
    const stale = live.some((t) => t.startedBy !== source.id && t.startedBy !== deployment.id);
    deployment.side = otherSide(productionSide(service));
    deployment.blueGreen = {
      stage: stale ? 'RECONCILE_SERVICE' : 'PRE_SCALE_UP',
      sourceDeploymentId: source.id,
    };
  }

  reconcile(service: Service, green: Deployment, live: Task[]): void {
    const rollout = green.blueGreen;
    if (!rollout || green.rolloutState !== 'IN_PROGRESS') return;
    const greenLive = live.filter((t) => t.startedBy === green.id);
    const blueLive = live.filter((t) => t.startedBy === rollout.sourceDeploymentId);
    const stale = live.filter(
      (t) => t.startedBy !== green.id && t.startedBy !== rollout.sourceDeploymentId,
    );
    if (stale.length) this.ops.stopTasks(service, stale, green.id);
    if (rollout.stage !== 'RECONCILE_SERVICE' && rollout.stage !== 'PRE_SCALE_UP')
      this.ops.launch(service, green, greenLive.length);
    const healthy = greenLive.filter((t) => t.healthy).length;
    const greenSteady =
      healthy === service.desiredCount && greenLive.length === service.desiredCount;
    switch (rollout.stage) {
      case 'RECONCILE_SERVICE':
        if (stale.length === 0) this.after(service, green, TIMINGS.blueGreenStage);
        return;
      case 'SCALE_UP':
        if (greenSteady) this.enter(service, green, 'POST_SCALE_UP');
        return;
      case 'BAKE_TIME': {
        const remaining = (rollout.bakeEndsAt ?? 0) - Date.now();
        if (remaining > 0) this.wakeAfter(service, green, remaining);
        else if (greenSteady) this.enter(service, green, 'CLEAN_UP');
        return;
      }
      case 'CLEAN_UP':
        if (blueLive.length) this.ops.stopTasks(service, blueLive, green.id);
        else this.ops.complete(service, green);
        return;
      default:
        if (TIMED.includes(rollout.stage)) this.after(service, green, TIMINGS.blueGreenStage);
    }
  }

  /** Moves to the next stage after `delayMs` of simulated time, if nothing changed meanwhile. */
  private after(service: Service, green: Deployment, delayMs: number): void {
    if (this.timers.has(green.id)) return;
    this.timers.add(green.id);
    const from = green.blueGreen?.stage;
    this.ctx.scheduler.after(delayMs, () => {
      this.timers.delete(green.id);
      const current = service.deployments[0] === green && green.rolloutState === 'IN_PROGRESS';
      if (!current || !from || green.blueGreen?.stage !== from) return;
      const next = nextBlueGreenStage(from);
      if (next) this.enter(service, green, next);
    });
  }

  /**
   * Looks again once the bake time is over (real milliseconds, like `bakeEndsAt`, so a sandbox
   * restarted from its state file resumes the bake where it was).
   */
  private wakeAfter(service: Service, green: Deployment, realMs: number): void {
    const key = `${green.id}:bake`;
    if (this.timers.has(key)) return;
    this.timers.add(key);
    this.ctx.scheduler.after(realMs / this.ctx.scheduler.timeScale, () => {
      this.timers.delete(key);
      this.ops.schedule(service.serviceArn);
    });
  }

  private enter(service: Service, green: Deployment, stage: BlueGreenStage): void {
    const rollout = green.blueGreen;
    if (!rollout) return;
    if (rollout.stage === 'PRODUCTION_TRAFFIC_SHIFT')
      // The production listener rule now forwards to green's target group.
      service.productionSide = green.side;
    rollout.stage = stage;
    green.updatedAt = Date.now();
    serviceDeployments.stage(service, green, stage);
    if (stage === 'BAKE_TIME') {
      const bakeMs = (service.deploymentConfiguration.bakeTimeInMinutes ?? 0) * 60_000;
      rollout.bakeEndsAt = Date.now() + this.ctx.scheduler.scaled(bakeMs);
    }
    this.ops.schedule(service.serviceArn);
  }

  /**
   * The circuit breaker failed green: with rollback on, production traffic goes back to blue,
   * blue is the primary deployment again and green's tasks stop.
   */
  rollBack(service: Service, green: Deployment, reason: string, rollback: boolean): boolean {
    const rollout = green.blueGreen;
    if (!rollout) return false;
    const blue = service.deployments.find((d) => d.id === rollout.sourceDeploymentId);
    if (!rollback || !blue) {
      serviceDeployments.failed(service, green, reason);
      return true;
    }
    service.productionSide = blue.side ?? 'primary';
    green.status = 'ACTIVE';
    blue.status = 'PRIMARY';
    blue.desiredCount = service.desiredCount;
    service.deployments = [blue, ...service.deployments.filter((d) => d !== blue)];
    service.taskDefinition = blue.taskDefinition;
    serviceDeployments.rollingBack(service, green, blue, reason);
    this.ops.event(service, `rolling back to deployment ${blue.id}.`);
    const greenLive = this.ctx.state
      .serviceTasks(service.serviceArn)
      .filter((t) => t.startedBy === green.id && t.desiredStatus === 'RUNNING');
    this.ops.stopTasks(service, greenLive, blue.id);
    this.ops.schedule(service.serviceArn);
    return true;
  }
}
