/** The queue that carries deployments to workers. */
export const DEPLOYMENTS_QUEUE = 'deployments';

/** A job names a deployment and nothing else: PostgreSQL holds the truth. The job id is the deployment id. */
export interface DeploymentJob {
  deploymentId: string;
}

export const REDIS_CONNECTION = Symbol('REDIS_CONNECTION');

/** The queue that carries notifications to their receivers, apart from deployments. */
export const NOTIFICATIONS_QUEUE = 'notifications';

/** A job names a notification (one event for one subscription); `replay` marks a resend someone asked for. */
export interface NotificationJob {
  notificationId: string;
  replay: boolean;
}

/** BullMQ back-off type of notification jobs: exponential, capped (see `retryDelay`). */
export const NOTIFICATION_BACKOFF = 'capped-exponential';

/** Exponential back-off of notification deliveries: first delay, longest delay, how long to keep trying. */
export interface NotificationRetry {
  baseMs: number;
  maxDelayMs: number;
  windowMs: number;
}

export const NOTIFICATION_RETRY = Symbol('NOTIFICATION_RETRY');

export const DEFAULT_NOTIFICATION_RETRY: NotificationRetry = {
  baseMs: 30_000,
  maxDelayMs: 3_600_000,
  windowMs: 86_400_000,
};

/** The queue of the scheduled retention run (a BullMQ job scheduler, every RETENTION_INTERVAL_MINUTES). */
export const RETENTION_QUEUE = 'retention';

/** The id of the retention job scheduler: one per Redis prefix, however many workers. */
export const RETENTION_SCHEDULER = 'retention';
