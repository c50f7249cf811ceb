import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DEPLOYMENTS_QUEUE, DeploymentJob } from './queue.constants';

/** How long a caller waits for Redis to be ready (a reconnect in progress) before hearing it is down. */
export const QUEUE_READY_WAIT_MS = 2_000;
/** How long one enqueue may take before it counts as Redis being unavailable. */
export const QUEUE_ENQUEUE_TIMEOUT_MS = 5_000;

/**
 * Redis cannot take a job now. Its message starts with "Redis is unavailable", which
 * `unavailableDependency` recognises: the API answers 503 with Retry-After, a worker waits.
 */
export class QueueUnavailableError extends Error {
  override readonly name = 'QueueUnavailableError';
  constructor(detail: string) {
    super(`Redis is unavailable: ${detail}`);
  }
}

type QueueClient = Awaited<Queue['client']>;

/**
 * Hands deployments to the workers. Enqueuing the same deployment twice does nothing. While Redis
 * is down nothing waits for it: the queue's own connection retries forever (BullMQ needs that),
 * so every call is bounded and fails with `QueueUnavailableError` instead of hanging.
 */
@Injectable()
export class DeploymentQueue {
  constructor(@InjectQueue(DEPLOYMENTS_QUEUE) private readonly queue: Queue<DeploymentJob>) {}

  /**
   * Throws `QueueUnavailableError` unless Redis is ready (or becomes ready within
   * `QUEUE_READY_WAIT_MS`). Checked before writing deployments, so a refusal changes nothing.
   */
  async assertAvailable(): Promise<void> {
    await this.readyClient();
  }

  async enqueue(deploymentIds: string[]): Promise<void> {
    if (deploymentIds.length === 0) return;
    await this.readyClient();
    await bounded(
      this.queue.addBulk(
        deploymentIds.map((deploymentId) => ({
          name: 'deploy',
          data: { deploymentId },
          // Finished jobs are removed at once, so a deployment can be handed out again later (the
          // reconciler does that); the database, not the job, says whether there is work left.
          opts: { jobId: deploymentId, removeOnComplete: true, removeOnFail: true, attempts: 1 },
        })),
      ),
      QUEUE_ENQUEUE_TIMEOUT_MS,
      `adding ${deploymentIds.length} job(s) took over ${QUEUE_ENQUEUE_TIMEOUT_MS} ms`,
    );
  }

  /**
   * `enqueue`, for rows already committed: false when Redis is unavailable (the reconciler hands
   * queued deployments out when it is back, so nothing is lost); other errors are thrown.
   */
  async tryEnqueue(deploymentIds: string[]): Promise<boolean> {
    try {
      await this.enqueue(deploymentIds);
      return true;
    } catch (error) {
      if (error instanceof QueueUnavailableError) return false;
      throw error;
    }
  }

  /** Hands a held deployment out again when its hold ends (one delayed job per moment). */
  async enqueueAt(deploymentId: string, at: Date): Promise<void> {
    await this.queue.add(
      'deploy',
      { deploymentId },
      {
        jobId: `${deploymentId}-at-${at.getTime()}`,
        delay: Math.max(0, at.getTime() - Date.now()),
        removeOnComplete: true,
        removeOnFail: true,
        attempts: 1,
      },
    );
  }

  private async readyClient(): Promise<QueueClient> {
    const client = await bounded(
      this.queue.client,
      QUEUE_READY_WAIT_MS,
      'no connection to it was ever made',
    );
    if (client.status === 'ready') return client;
    let onReady: (() => void) | undefined;
    try {
      await bounded(
        new Promise<void>((resolve) => client.once('ready', (onReady = resolve))),
        QUEUE_READY_WAIT_MS,
        `the connection is ${client.status}`,
      );
    } finally {
      if (onReady) client.off('ready', onReady);
    }
    return client;
  }
}

/** `work`, or a `QueueUnavailableError` saying `why` after `ms`; `work` itself is left to finish or fail. */
async function bounded<T>(work: Promise<T>, ms: number, why: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new QueueUnavailableError(why)), ms);
    timer.unref();
  });
  work.catch(() => undefined);
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
