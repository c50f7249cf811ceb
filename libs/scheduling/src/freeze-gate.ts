import { Injectable } from '@nestjs/common';
import { activeFreeze, frozenUntilText } from '@gantry/domain';
import { DeploymentEntity, DeploymentRunsRepository, FreezesRepository } from '@gantry/persistence';
import { DeploymentQueue } from '@gantry/queue';

/**
 * Holds queued deployments while a freeze covers them: the deployment stays `queued` with the
 * reason and the end of the freeze, and is handed out again when the freeze ends (a delayed job;
 * the reconciler also hands it out, and this check runs again). An admin's override passes.
 */
@Injectable()
export class FreezeGate {
  constructor(
    private readonly freezes: FreezesRepository,
    private readonly runs: DeploymentRunsRepository,
    private readonly queue: DeploymentQueue,
  ) {}

  /** True when the deployment must wait; its hold is recorded (or cleared when nothing holds it). */
  async holds(deployment: DeploymentEntity): Promise<boolean> {
    if (deployment.status !== 'queued' || deployment.freezeOverride) return false;
    const now = new Date();
    const active = activeFreeze(await this.freezes.current(now), deployment, now);
    if (!active) {
      if (deployment.holdReason) await this.runs.setHold(deployment.id, null);
      return false;
    }
    const text = frozenUntilText(active);
    await this.runs.setHold(deployment.id, {
      reason: `${text.charAt(0).toUpperCase()}${text.slice(1)}`,
      until: active.endsAt,
    });
    await this.queue.enqueueAt(deployment.id, active.endsAt);
    return true;
  }
}
