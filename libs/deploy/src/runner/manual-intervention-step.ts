import { Injectable } from '@nestjs/common';
import { waitingForApproval, whoMayDecide, type ManualInterventionBody } from '@gantry/domain';
import {
  DeploymentRunsRepository,
  DeploymentSuperseded,
  InterventionsRepository,
} from '@gantry/persistence';
import { NotificationPublisher } from '@gantry/notifications';

/**
 * What a manual intervention step tells the process:
 * - `approved`: someone approved it; go on with the next step.
 * - `suspended`: the deployment now waits (status `waiting`, no lease, no job). The runner stops
 *   here without finishing it; a decision hands it back (approval) or finishes it (rejection).
 * - `closed`: it was rejected or cancelled already (the deployment is finished); nothing to do.
 */
export type InterventionStepResult =
  { outcome: 'approved' } | { outcome: 'suspended' } | { outcome: 'closed'; status: string };

/**
 * The `manual-intervention` step kind. Entering it the first time records the intervention and
 * suspends the deployment in one fenced transaction, then notifies
 * `deployment.waiting-for-approval`; re-entering it after an approval (the next claim) goes on.
 */
@Injectable()
export class ManualInterventionStep {
  constructor(
    private readonly interventions: InterventionsRepository,
    private readonly notifications: NotificationPublisher,
  ) {}

  /** `runs` is the runner's fenced repository: a superseded runner's suspension is refused. */
  async enter(
    runs: DeploymentRunsRepository,
    deploymentId: string,
    step: string,
    body: ManualInterventionBody,
  ): Promise<InterventionStepResult> {
    const known = await this.interventions.get(deploymentId, step);
    if (known?.status === 'approved') return { outcome: 'approved' };
    if (known && known.status !== 'pending') return { outcome: 'closed', status: known.status };
    const waiting = await runs.waitForIntervention(
      deploymentId,
      {
        step,
        instructions: body.instructions,
        approvers: body.approvers,
        preventSelfApproval: body.preventSelfApproval,
        timeoutMinutes: body.timeoutMinutes ?? null,
        waitingReason: waitingForApproval(step, body.approvers),
      },
      {
        level: 'info',
        source: 'intervention',
        message: `[${step}] Waiting for approval of step '${step}' by ${whoMayDecide(body.approvers)}${
          body.timeoutMinutes ? `; rejected if undecided within ${body.timeoutMinutes} min` : ''
        }`,
      },
    );
    if (!waiting) throw new DeploymentSuperseded(deploymentId);
    await this.notifications.deployments('deployment.waiting-for-approval', [deploymentId]);
    return { outcome: 'suspended' };
  }
}
