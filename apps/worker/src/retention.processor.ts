import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { GANTRY_CONFIG, GantryConfig } from '@gantry/config';
import { RetentionService, type RetentionOutcome } from '@gantry/deploy';
import { RETENTION_QUEUE, RETENTION_SCHEDULER } from '@gantry/queue';

/**
 * Runs retention off its queue, one run at a time per worker. A BullMQ job scheduler (one per
 * Redis prefix, whatever the number of workers) adds a run every RETENTION_INTERVAL_MINUTES;
 * 0 removes it. A run is idempotent: a second one finds nothing more to delete.
 */
@Processor(RETENTION_QUEUE, { concurrency: 1 })
@Injectable()
export class RetentionProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('RetentionProcessor');

  constructor(
    private readonly retention: RetentionService,
    @InjectQueue(RETENTION_QUEUE) private readonly queue: Queue,
    @Inject(GANTRY_CONFIG) private readonly config: GantryConfig,
  ) {
    super();
  }

  /** Schedules (or unschedules) retention; never holds the worker's start up while Redis is away. */
  onApplicationBootstrap(): void {
    const minutes = this.config.RETENTION_INTERVAL_MINUTES;
    const scheduled =
      minutes === 0
        ? this.queue.removeJobScheduler(RETENTION_SCHEDULER)
        : this.queue.upsertJobScheduler(
            RETENTION_SCHEDULER,
            { every: minutes * 60_000 },
            { name: 'retention', opts: { removeOnComplete: 20, removeOnFail: 20 } },
          );
    // Redis away at start: the next worker start schedules it (the schedule lives in Redis).
    scheduled.catch((error: Error) =>
      this.logger.warn(`Retention not scheduled: ${error.message}`),
    );
  }

  /** The counts are the job's result (kept for the last 20 runs); the plan itself is logged as counts. */
  async process(): Promise<Omit<RetentionOutcome, 'plan'>> {
    const { deleted, deregistered } = await this.retention.run();
    return { deleted, deregistered };
  }

  @OnWorkerEvent('failed')
  onFailed(_job: unknown, error: Error): void {
    this.logger.error(`Retention run failed: ${error.message}`);
  }
}
