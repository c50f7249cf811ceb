import { deploymentLabel } from './deployment-format';
import type { Deployment } from './deployment.types';

type Intervention = NonNullable<Deployment['interventions']>[number];

/** The manual intervention a waiting deployment waits on, if any. */
export function pendingIntervention(deployment: Deployment): Intervention | undefined {
  if (deployment.status !== 'waiting') return undefined;
  return deployment.interventions?.find((intervention) => intervention.status === 'pending');
}

/**
 * What `--wait` prints once when a deployment starts waiting at a manual intervention: who may
 * decide, until when, the instructions, and the command that decides.
 */
export function waitingLines(deployment: Deployment, intervention: Intervention): string[] {
  const label = `[${deploymentLabel(deployment)}]`;
  const until = intervention.timeoutAt
    ? `, rejected if undecided by ${intervention.timeoutAt}`
    : '';
  return [
    `${label} waiting for approval: ${intervention.whoMayDecide} (step '${intervention.step}'${until})`,
    ...intervention.instructions.split('\n').map((line) => `${label}   ${line}`),
    `${label}   decide with: gantry approve|reject --deployment ${deployment.id} [--note "…"]`,
  ];
}
