/**
 * Where a deployment stands: queued until a worker claims it, then running until it ends;
 * `waiting` while a manual intervention step waits for a decision (no worker holds it then).
 */
export const DEPLOYMENT_STATUSES = [
  'queued',
  'running',
  'waiting',
  'succeeded',
  'failed',
  'cancelled',
] as const;

export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

/** The statuses a deployment ends in; it never changes again. */
export const FINAL_DEPLOYMENT_STATUSES = ['succeeded', 'failed', 'cancelled'] as const;

export type FinalDeploymentStatus = (typeof FINAL_DEPLOYMENT_STATUSES)[number];

/**
 * Still to run, running or waiting for a decision: what blocks a stack and what a redeploy guard
 * looks at. A waiting deployment keeps its stack: the next one on it starts after it ends.
 */
export const ACTIVE_DEPLOYMENT_STATUSES = ['queued', 'running', 'waiting'] as const;

/** The active statuses as SQL literals, for partial indexes and queries that spell them. */
export const ACTIVE_DEPLOYMENT_STATUSES_SQL = ACTIVE_DEPLOYMENT_STATUSES.map((s) => `'${s}'`).join(
  ', ',
);

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

/**
 * Where one step of a deployment stands. `skipped`: its conditions exclude the deployment, or an
 * earlier step failed (the step's reason says which).
 */
export const DEPLOYMENT_STEP_STATUSES = [
  'pending',
  'running',
  'succeeded',
  'failed',
  'cancelled',
  'skipped',
] as const;

export type DeploymentStepStatus = (typeof DEPLOYMENT_STEP_STATUSES)[number];

/** The statuses a step ends in. */
export const FINAL_STEP_STATUSES: readonly DeploymentStepStatus[] = [
  'succeeded',
  'failed',
  'cancelled',
  'skipped',
];

export function isFinalStepStatus(status: string): boolean {
  return (FINAL_STEP_STATUSES as readonly string[]).includes(status);
}
