/** Where a deployment stands: queued until a worker claims it, then running until it ends. */
export const DEPLOYMENT_STATUSES = [
  'queued',
  'running',
  'succeeded',
  'failed',
  'cancelled',
] as const;

export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

/** The statuses a deployment ends in; it never changes again. */
export const FINAL_DEPLOYMENT_STATUSES = ['succeeded', 'failed', 'cancelled'] as const;

export type FinalDeploymentStatus = (typeof FINAL_DEPLOYMENT_STATUSES)[number];

/** Still to run or running: what blocks a stack and what a redeploy guard looks at. */
export const ACTIVE_DEPLOYMENT_STATUSES = ['queued', 'running'] as const;

/** Queued, running or succeeded: what the lifecycle and the redeploy guard count (a failure or a cancel does not). */
export const STANDING_DEPLOYMENT_STATUSES = [...ACTIVE_DEPLOYMENT_STATUSES, 'succeeded'] as const;

export function isFinalDeploymentStatus(status: string): status is FinalDeploymentStatus {
  return (FINAL_DEPLOYMENT_STATUSES as readonly string[]).includes(status);
}

/** How one target's stack ended; `no-changes` when the template and parameters were already live. */
export type FinalTargetStatus = 'succeeded' | 'no-changes' | 'failed' | 'cancelled';

export const FINAL_TARGET_STATUSES: readonly FinalTargetStatus[] = [
  'succeeded',
  'no-changes',
  'failed',
  'cancelled',
];

export function isFinalTargetStatus(status: string): status is FinalTargetStatus {
  return (FINAL_TARGET_STATUSES as readonly string[]).includes(status);
}
