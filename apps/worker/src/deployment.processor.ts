import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger, Type } from '@nestjs/common';
import { Job, WorkerOptions } from 'bullmq';
import { DeploymentRunner } from '@gantry/deploy';
import { DEPLOYMENTS_QUEUE, DeploymentJob } from '@gantry/queue';

/** Takes deployment jobs off the queue and hands the id to the runner: nothing else. */
@Injectable()
export class DeploymentProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger('DeploymentProcessor');
  private quietUntil = 0;

  constructor(private readonly runner: DeploymentRunner) {
    super();
  }

  async process(job: Job<DeploymentJob>): Promise<void> {
    await this.runner.run(job.data.deploymentId);
  }

  /**
   * On shutdown: take no more jobs, and do not wait for the running ones (a deployment can run
   * for an hour). Every step of a deployment is recorded before it happens, so leaving it is as
   * safe as a crash: its job lock and lease lapse, and another worker re-attaches to it. Closing
   * with force does not wait for Redis either.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.logger.log('Taking no more deployments; running ones resume on another worker');
    await this.worker.close(true);
  }

  /**
   * BullMQ's own trouble (Redis away, a lock it could not renew): logged once per outage. The
   * deployment does not depend on it: its lease in PostgreSQL and the reconciler do.
   */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    if (Date.now() < this.quietUntil) return;
    this.quietUntil = Date.now() + 30_000;
    this.logger.warn(`Queue worker: ${error.message} (further queue errors for 30 s not logged)`);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<DeploymentJob> | undefined, error: Error): void {
    this.logger.error(
      { deploymentId: job?.data.deploymentId },
      `Deployment job failed (the reconciler will pick it up again): ${error.message}`,
    );
  }
}

export type ProcessorSettings = Pick<
  WorkerOptions,
  'concurrency' | 'lockDuration' | 'stalledInterval' | 'maxStalledCount'
>;

/**
 * The processor with this process's settings. BullMQ reads worker options only when the worker
 * is built, so they are given through the decorator, applied here rather than at import time.
 */
export function configuredDeploymentProcessor(
  settings: ProcessorSettings,
): Type<DeploymentProcessor> {
  @Processor(DEPLOYMENTS_QUEUE, settings)
  class ConfiguredDeploymentProcessor extends DeploymentProcessor {}
  return ConfiguredDeploymentProcessor;
}
