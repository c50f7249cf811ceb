/** What a CloudFormation stack status means to a deployment. */
export type StackPhase =
  | 'absent'
  | 'review'
  | 'stable'
  | 'in-progress'
  | 'succeeded'
  | 'failed'
  | 'rollback-failed'
  | 'dead-create';

const SUCCESS = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'IMPORT_COMPLETE']);
const FAILURE = new Set([
  'ROLLBACK_COMPLETE',
  'UPDATE_ROLLBACK_COMPLETE',
  'CREATE_FAILED',
  'ROLLBACK_FAILED',
  'DELETE_FAILED',
  'UPDATE_FAILED',
  'IMPORT_ROLLBACK_COMPLETE',
  'IMPORT_ROLLBACK_FAILED',
]);

/**
 * Classifies a stack status. `dead-create` is ROLLBACK_COMPLETE: a first create that failed,
 * which CloudFormation can only delete. `rollback-failed` wants ContinueUpdateRollback.
 */
export function stackPhase(status: string | undefined | null): StackPhase {
  if (!status || status === 'DELETE_COMPLETE') return 'absent';
  if (status === 'REVIEW_IN_PROGRESS') return 'review';
  if (status === 'UPDATE_ROLLBACK_FAILED') return 'rollback-failed';
  if (status.endsWith('_IN_PROGRESS')) return 'in-progress';
  if (SUCCESS.has(status)) return 'succeeded';
  if (FAILURE.has(status)) return 'failed';
  return 'stable';
}

/** The outcome of an operation this deployment executed, once the stack has settled. */
export function operationOutcome(status: string): 'succeeded' | 'failed' | 'pending' {
  const phase = stackPhase(status);
  if (phase === 'succeeded') return 'succeeded';
  if (phase === 'failed' || phase === 'rollback-failed') return 'failed';
  return 'pending';
}

/** A stack that exists and accepts a new UPDATE change set. */
export function acceptsUpdate(status: string): boolean {
  return [
    'CREATE_COMPLETE',
    'UPDATE_COMPLETE',
    'UPDATE_ROLLBACK_COMPLETE',
    'IMPORT_COMPLETE',
    'IMPORT_ROLLBACK_COMPLETE',
  ].includes(status);
}

/**
 * How long to wait before polling a stack again: quick at first, then twice as long each time
 * up to the maximum, so a rollout of a few minutes costs a handful of calls.
 */
export function pollDelayMs(pollsSoFar: number, minMs: number, maxMs: number): number {
  return Math.min(maxMs, Math.round(minMs * 2 ** Math.min(pollsSoFar, 20)));
}

/** Suffixes of the tokens a deployment gives the calls that steer its own operation. */
const OPERATION_TOKEN_SUFFIXES = ['', '-cancel', '-rollback'];

/**
 * Whether a stack event belongs to the operation this deployment executed with `token`: events
 * carry the ClientRequestToken of the call that caused them (ExecuteChangeSet, then our
 * CancelUpdateStack or ContinueUpdateRollback). An event without a token counts when it is not
 * older than `since`. Events of the previous operation, however recent, never count.
 */
export function isOperationEvent(
  event: { ClientRequestToken?: string; Timestamp?: Date },
  token: string,
  since: Date,
): boolean {
  if (event.ClientRequestToken)
    return OPERATION_TOKEN_SUFFIXES.some((suffix) => event.ClientRequestToken === token + suffix);
  return (event.Timestamp?.getTime() ?? 0) >= since.getTime();
}
