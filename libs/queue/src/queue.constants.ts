/** The queue that carries deployments to workers. */
export const DEPLOYMENTS_QUEUE = 'deployments';

/** A job names a deployment and nothing else: PostgreSQL holds the truth. The job id is the deployment id. */
export interface DeploymentJob {
  deploymentId: string;
}

export const REDIS_CONNECTION = Symbol('REDIS_CONNECTION');
