/** What a step kind records on its deployment target (the deployment_targets row) as it goes. */
export interface TargetProgress {
  status: string;
  /** The stack's outputs, and what the kind adds (a task ARN, revisions). */
  outputs: Record<string, string> | null;
  operationStartedAt: Date | null;
}

/**
 * Where a kind's progress is read and written. `record` persists a patch (fenced to the runner's
 * claim: it throws once another runner took the deployment over) before `progress` shows it, so
 * a side effect recorded first is found again by the next attempt.
 */
export interface TargetRecorder {
  readonly progress: TargetProgress;
  record(patch: Partial<TargetProgress>): Promise<void>;
}
