import { Injectable } from '@nestjs/common';
import { stepBody, type ProcessStepOf, type TargetOutcome } from '@gantry/domain';
import { ManualInterventionStep } from '../runner/manual-intervention-step';
import { DeploymentSuspended, type StepExecutor, type StepRunContext } from './step-executor';

/**
 * `manual-intervention`: the first time, the deployment is suspended (`waiting`, no lease, no job)
 * and this runner stops (DeploymentSuspended) without an outcome; the step stays `running`. After an approval the next claim runs the step again: it succeeds, and the
 * process goes on. A rejection, a timeout or a cancel finish the deployment without a runner.
 */
@Injectable()
export class ManualInterventionExecutor implements StepExecutor {
  readonly kind = 'manual-intervention';

  constructor(private readonly intervention: ManualInterventionStep) {}

  async run(context: StepRunContext): Promise<TargetOutcome> {
    const step = context.step as ProcessStepOf<'manual-intervention'>;
    const entered = await this.intervention.enter(
      context.runs,
      context.deployment.id,
      step.slug,
      stepBody(step),
    );
    if (entered.outcome === 'approved') return { status: 'succeeded' };
    if (entered.outcome === 'closed')
      return {
        status: entered.status === 'cancelled' ? 'cancelled' : 'failed',
        error: `Manual intervention '${step.slug}' was ${entered.status}.`,
      };
    // Suspended: the deployment waits for people; this claim has nothing more to do.
    throw new DeploymentSuspended(context.deployment.id);
  }
}
