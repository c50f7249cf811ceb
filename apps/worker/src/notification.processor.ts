import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, Type } from '@nestjs/common';
import { Job } from 'bullmq';
import { NotificationDelivery } from '@gantry/notifications';
import {
  NOTIFICATION_BACKOFF,
  NotificationJob,
  NotificationRetry,
  NOTIFICATIONS_QUEUE,
  retryDelay,
} from '@gantry/queue';

/** Takes notification jobs off their queue and makes one delivery attempt each. */
@Injectable()
export class NotificationProcessor extends WorkerHost {
  private readonly logger = new Logger('NotificationProcessor');

  constructor(private readonly delivery: NotificationDelivery) {
    super();
  }

  async process(job: Job<NotificationJob>): Promise<void> {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    await this.delivery.deliver(job.data.notificationId, job.data.replay, lastAttempt);
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.error(`Notification worker error: ${error.message}`);
  }
}

/** The processor with this process's concurrency and the capped exponential back-off. */
export function configuredNotificationProcessor(
  concurrency: number,
  retry: NotificationRetry,
): Type<NotificationProcessor> {
  @Processor(NOTIFICATIONS_QUEUE, {
    concurrency,
    settings: {
      backoffStrategy: (attemptsMade: number, type?: string) =>
        type === NOTIFICATION_BACKOFF
          ? retryDelay(attemptsMade, retry.baseMs, retry.maxDelayMs)
          : 0,
    },
  })
  class ConfiguredNotificationProcessor extends NotificationProcessor {}
  return ConfiguredNotificationProcessor;
}
