export const RUNNER_SETTINGS = Symbol('RUNNER_SETTINGS');

export interface RunnerSettings {
  /** Identifies this worker process in leases. */
  workerId: string;
  leaseSeconds: number;
  pollMinMs: number;
  pollMaxMs: number;
  /** A stack operation running longer is cancelled (CancelUpdateStack). */
  timeoutSeconds: number;
  /** How long to wait for a stack busy with something else before giving up. */
  busyStackTimeoutSeconds: number;
  /** Unexpected errors a deployment may run into before it fails instead of being retried. */
  maxWorkerErrors: number;
  /** Where `sandbox` targets without an endpoint are reached. */
  sandboxUrl: string;
}
