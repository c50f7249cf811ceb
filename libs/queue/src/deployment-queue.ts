import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DEPLOYMENTS_QUEUE, DeploymentJob } from './queue.constants';

/** Hands deployments to the workers. Enqueuing the same deployment twice does nothing. */
@Injectable()
export class DeploymentQueue {
  constructor(@InjectQueue(DEPLOYMENTS_QUEUE) private readonly queue: Queue<DeploymentJob>) {}

  async enqueue(deploymentIds: string[]): Promise<void> {
    if (deploymentIds.length === 0) return;
    await this.queue.addBulk(
      deploymentIds.map((deploymentId) => ({
        name: 'deploy',
        data: { deploymentId },
        // Finished jobs are removed at once, so a deployment can be handed out again later (the
        // reconciler does that); the database, not the job, says whether there is work left.
        opts: { jobId: deploymentId, removeOnComplete: true, removeOnFail: true, attempts: 1 },
      })),
    );
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
}
