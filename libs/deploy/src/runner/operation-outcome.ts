import type { DeploymentRunsRepository } from '@gantry/persistence';
import { operationOutcome, type StackEventFact, type TargetOutcome } from '@gantry/domain';
import type { WatchResult } from './operation-watcher';
import { diagnose, verifyRollout } from './rollout-check';
import type { TargetContext } from './target-context';

/**
 * What a settled stack operation means for the target: a completed stack succeeds once ECS runs
 * this deployment's task definition (its outputs are stored); anything else fails, or is
 * cancelled when the cancel was asked for, with the reason collected from AWS.
 */
export async function operationOutcomeOf(
  context: TargetContext,
  runs: DeploymentRunsRepository,
  timeoutSeconds: number,
  watched: WatchResult & {
    events: StackEventFact[];
    essentialContainers: string[];
    /** False for a stack without a service (an ecs-run-task step's task definition). */
    verifyService?: boolean;
  },
): Promise<TargetOutcome> {
  const { stackName } = context.target;
  // The watcher's last look is fresh: the operation had settled, so nothing changes the stack now.
  const stack = watched.stack ?? (await context.cloudformation.describeStack(stackName));
  const finalStatus = stack?.StackStatus ?? watched.status;
  if (operationOutcome(finalStatus) === 'succeeded') {
    await storeOutputs(context, runs, stack?.Outputs);
    if (watched.verifyService === false) return { status: 'succeeded' };
    return verifyRollout(
      context,
      stack?.Outputs ?? [],
      watched.events,
      watched.essentialContainers,
    );
  }
  if (watched.cancelled === 'cancel' && finalStatus === 'UPDATE_ROLLBACK_COMPLETE')
    // Asked for: the stopped tasks and service events of the rollback would only be noise.
    return {
      status: 'cancelled',
      error: `Cancelled: ${stackName} rolled back to its previous template (UPDATE_ROLLBACK_COMPLETE).`,
    };
  const { summary, details } = await diagnose(
    context,
    finalStatus,
    watched.events,
    watched.essentialContainers,
  );
  if (watched.cancelled === 'cancel')
    return { status: 'cancelled', error: `Cancelled: ${summary}`, details };
  if (watched.cancelled === 'timeout')
    return { status: 'failed', error: `Timed out after ${timeoutSeconds} s. ${summary}`, details };
  return { status: 'failed', error: summary, details };
}

/** Keeps a completed stack's outputs on the deployment target (what the API shows). */
export async function storeOutputs(
  context: TargetContext,
  runs: DeploymentRunsRepository,
  outputs: { OutputKey?: string; OutputValue?: string }[] | undefined,
): Promise<void> {
  const values = Object.fromEntries(
    (outputs ?? []).map((output) => [output.OutputKey ?? '', output.OutputValue ?? '']),
  );
  await runs.updateTarget(context.target, { outputs: values });
}
