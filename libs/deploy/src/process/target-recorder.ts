import type { DeploymentRunsRepository, DeploymentTargetEntity } from '@gantry/persistence';
import type { TargetProgress, TargetRecorder } from './target-progress';

/** A target's progress kept on its deployment_targets row (fenced writes), the entity updated after each. */
export function targetRecorder(
  runs: DeploymentRunsRepository,
  row: DeploymentTargetEntity,
): TargetRecorder {
  return {
    get progress(): TargetProgress {
      return {
        status: row.status,
        outputs: row.outputs,
        operationStartedAt: row.operationStartedAt,
      };
    },
    async record(patch) {
      await runs.updateTarget(row, patch);
      Object.assign(row, patch);
    },
  };
}
