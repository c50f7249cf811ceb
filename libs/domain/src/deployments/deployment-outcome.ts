import type { FinalDeploymentStatus } from './deployment-status';

/** How one target's stack deployment ended. */
export type TargetOutcome =
  | { status: 'succeeded' | 'no-changes' }
  | { status: 'failed' | 'cancelled'; error: string; details?: string };

export interface DeploymentOutcome {
  status: FinalDeploymentStatus;
  error: string | null;
  /** The evidence behind `error`, per target when there are several. */
  errorDetails: string | null;
}

/**
 * A deployment succeeds when every target succeeded (or had nothing to change); it fails when any
 * target failed, else it is cancelled. The error lists every unsuccessful target's error, one a line.
 */
export function deploymentOutcome(targets: readonly TargetOutcome[]): DeploymentOutcome {
  const unsuccessful = targets.filter(
    (outcome): outcome is Extract<TargetOutcome, { error: string }> =>
      outcome.status === 'failed' || outcome.status === 'cancelled',
  );
  if (unsuccessful.length === 0) return { status: 'succeeded', error: null, errorDetails: null };
  const status = unsuccessful.some((outcome) => outcome.status === 'failed')
    ? 'failed'
    : 'cancelled';
  const details = unsuccessful.map((outcome) => outcome.details ?? outcome.error);
  return {
    status,
    error: unsuccessful.map((outcome) => outcome.error).join('\n'),
    errorDetails: details.join('\n\n'),
  };
}
