import { Injectable, Logger } from '@nestjs/common';
import { DeploymentRunsRepository } from '@gantry/persistence';
import { DeploymentQueue } from '@gantry/queue';

/**
 * Deployments of one stack run one at a time, in queue order. When a stack's deployment ends (or
 * is cancelled while it still waited), the next queued one is handed to the workers.
 */
@Injectable()
export class StackQueue {
  private readonly logger = new Logger('Scheduling');

  constructor(
    private readonly runs: DeploymentRunsRepository,
    private readonly queue: DeploymentQueue,
  ) {}

  /** Starts the next queued deployment of the stack; its id, or null when none waits. */
  async releaseStack(stackKey: string): Promise<string | null> {
    const next = await this.runs.nextQueuedOnStack(stackKey);
    if (next && !(await this.queue.tryEnqueue([next])))
      this.logger.warn(
        `Redis unavailable: deployment ${next} stays queued; the reconciler hands it out when Redis is back`,
      );
    return next;
  }
}
