import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { retryAttempts } from './notification-retry';
import {
  NOTIFICATION_BACKOFF,
  NOTIFICATION_RETRY,
  NotificationJob,
  NotificationRetry,
  NOTIFICATIONS_QUEUE,
} from './queue.constants';

/** Hands notifications to the delivery workers, with retries for about a day. */
@Injectable()
export class NotificationQueue {
  constructor(
    @InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue<NotificationJob>,
    @Inject(NOTIFICATION_RETRY) private readonly retry: NotificationRetry,
  ) {}

  async enqueue(notificationIds: string[], replay = false): Promise<void> {
    if (notificationIds.length === 0) return;
    const attempts = retryAttempts(this.retry.baseMs, this.retry.maxDelayMs, this.retry.windowMs);
    await this.queue.addBulk(
      notificationIds.map((notificationId) => ({
        name: replay ? 'replay' : 'notify',
        data: { notificationId, replay },
        opts: {
          // A replay is a new job of the same notification; the first send's id is the notification's.
          jobId: replay ? `${notificationId}-replay-${randomUUID()}` : notificationId,
          attempts,
          backoff: { type: NOTIFICATION_BACKOFF, delay: this.retry.baseMs },
          removeOnComplete: true,
          removeOnFail: true,
        },
      })),
    );
  }
}
