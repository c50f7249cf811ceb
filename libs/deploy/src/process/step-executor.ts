import type { ProcessStep, TargetOutcome } from '@gantry/domain';
import type {
  DeploymentEntity,
  DeploymentRunsRepository,
  DeploymentStepEntity,
} from '@gantry/persistence';
import type { DeploymentLog } from '../runner/deployment-log';
import type { RunnerSettings } from '../runner/runner-settings';
import type { TargetContext } from '../runner/target-context';

/** Everything an executor gets to run one step (on one target, or once for the deployment). */
export interface StepRunContext {
  deployment: DeploymentEntity;
  /** The step as the release snapshotted it (common fields and the kind's body). */
  step: ProcessStep;
  /** The step's row of this deployment: its status, and `details` the kind records. */
  record: DeploymentStepEntity;
  /**
   * The step on one target (its deployment_targets row, AWS gateways behind the shared rate
   * limiter, the cluster preflight) for a kind of scope `targets`; null for scope `deployment`.
   */
  target: TargetContext | null;
  /** Fenced to this runner's claim: every write throws DeploymentSuperseded once it is taken over. */
  runs: DeploymentRunsRepository;
  /** Lines start with `[<step>/<target>] ` (`[<step>] ` for a deployment-scoped kind). */
  log: DeploymentLog;
  isCancelRequested: () => Promise<boolean>;
  settings: RunnerSettings;
}

/**
 * Runs the steps of one kind. `run` is called for every target of the step (scope `targets`) or
 * once (scope `deployment`), and again after a worker died or an outage: it must record its
 * progress (on `context.target.target` through `runs.updateTarget`, or on the step through
 * `runs.updateStep(..., { details })`) before each side effect, and re-attach to what it recorded.
 * It ends with the outcome (a DomainError thrown is a failure with its message; an unavailable
 * PostgreSQL or Redis and DeploymentSuperseded must be let through). Cancellation: poll
 * `isCancelRequested()` and stop what AWS runs (StopTask, CancelUpdateStack), ending `cancelled`.
 */
export interface StepExecutor {
  /** The step kind it runs (`kind` of its `defineStepKind`). */
  readonly kind: string;
  run(context: StepRunContext): Promise<TargetOutcome>;
}

/** The executors the runner resolves by kind (a Nest provider: see DeployModule). */
export const STEP_EXECUTORS = Symbol('STEP_EXECUTORS');

/**
 * Thrown by an executor that handed the deployment over to people (a manual intervention moved
 * it to `waiting` and released its lease in one fenced write): the runner stops at once, without
 * an outcome; whoever resumes the deployment (an approval) has it claimed again, and the step's
 * executor runs again from what it recorded.
 */
export class DeploymentSuspended extends Error {
  constructor(readonly deploymentId: string) {
    super(`Deployment ${deploymentId} waits for people`);
    this.name = 'DeploymentSuspended';
  }
}
