import type { DeploymentStatus } from '@gantry/domain';

/** A log line as the live stream sends it. */
export interface LiveLogLine {
  seq: number;
  at: Date;
  level: string;
  source: string;
  message: string;
}

/**
 * What just happened to a deployment, told to whoever follows it live (the API's log streams):
 * log lines that were written (`lines`, in seq order; left out when too large to send) and the
 * highest seq written (`seq`), or a status it moved to. A hint only: PostgreSQL stays the source
 * of truth, and a follower that misses one finds the gap by seq and reads it from the database.
 */
export interface DeploymentEvent {
  deploymentId: string;
  seq?: number;
  lines?: LiveLogLine[];
  status?: DeploymentStatus;
}

/**
 * Tells followers about committed log lines and status changes. Called after the commit; never
 * throws and never waits for the transport (a lost event costs a follower one database read).
 * The repositories take it optionally: without one (a test's bare repository) nothing is told.
 */
export abstract class DeploymentEventsPublisher {
  /** Also tells `statusesChanged` when the event carries a status. */
  abstract publish(event: DeploymentEvent): void;
  /**
   * These deployments were created or changed status (the live dashboard follows this), in
   * one message for a fan-out's thousand new deployments.
   */
  abstract statusesChanged(deploymentIds: readonly string[]): void;
}

/** A message of `statusesChanged`. */
export interface DeploymentStatusesEvent {
  deploymentIds: string[];
}
