import type { Service } from '@aws-sdk/client-ecs';
import {
  blueGreenPhaseLines,
  isServiceDeploymentFinished,
  NOTHING_REPORTED,
  revisionLabel,
  type BlueGreenReported,
  type BlueGreenRevisions,
} from '@gantry/domain';
import type { TargetContext } from './target-context';

/**
 * Reports an ECS-native blue/green rollout's phases in the deployment log as they happen. It
 * rides on the service look the operation watcher already makes (`DescribeServices`) and asks
 * for the service deployment (`DescribeServiceDeployments`, through the shared rate limiter) only
 * while a blue/green deployment from a running revision is in flight, plus once when the stack
 * operation settles, to say how it ended.
 */
export class BlueGreenProgress {
  private arn: string | null = null;
  private revisions: BlueGreenRevisions | null = null;
  private reported: BlueGreenReported = NOTHING_REPORTED;
  private finished = false;

  constructor(private readonly context: TargetContext) {}

  /** After each look at the service while the stack waits on it. */
  async follow(service: Service | null): Promise<void> {
    if (!this.arn && service) this.start(service);
    if (this.arn && !this.finished) await this.look();
  }

  /** Once the stack operation settled: the rollout's last phases (its clean-up, its rollback). */
  async settle(): Promise<void> {
    if (this.arn && !this.finished) await this.look();
  }

  /** Follows the service's current deployment when it is a blue/green one away from a running revision. */
  private start(service: Service): void {
    if (service.deploymentConfiguration?.strategy !== 'BLUE_GREEN') return;
    const green = service.deployments?.find((d) => d.status === 'PRIMARY');
    const blue = service.deployments?.find((d) => d.status === 'ACTIVE');
    if (!service.currentServiceDeployment || green?.rolloutState !== 'IN_PROGRESS' || !blue) return;
    this.arn = service.currentServiceDeployment;
    this.revisions = {
      source: revisionLabel(blue.taskDefinition),
      target: revisionLabel(green.taskDefinition),
      bakeTimeInMinutes: service.deploymentConfiguration.bakeTimeInMinutes ?? 0,
    };
  }

  /** Only progress: a failed look is skipped (the next one catches up, in order). */
  private async look(): Promise<void> {
    const deployment = await this.context.ecs
      .describeServiceDeployment(this.arn as string)
      .catch(() => null);
    if (!deployment?.status || !this.revisions) return;
    const next = blueGreenPhaseLines(
      this.reported,
      {
        status: deployment.status,
        lifecycleStage: deployment.lifecycleStage,
        statusReason: deployment.statusReason,
        rollbackReason: deployment.rollback?.reason,
      },
      this.revisions,
    );
    this.reported = next.reported;
    this.finished = isServiceDeploymentFinished(deployment.status);
    for (const line of next.lines) await this.context.log[line.level]('ecs', line.message);
  }
}
