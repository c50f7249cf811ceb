import { Inject, Injectable, Logger } from '@nestjs/common';
import { SecretBox, SubscriptionEntity, SubscriptionsRepository } from '@gantry/persistence';
import type { NotificationPayload } from './notification-message';
import { DeliveryFailed } from './senders/delivery-failed';
import { sendEmail } from './senders/email.sender';
import { sendSlack } from './senders/slack.sender';
import { sendWebhook } from './senders/webhook.sender';
import type { SubscriptionSecrets } from './subscription-secrets';

export const NOTIFICATION_TIMEOUT_MS = Symbol('NOTIFICATION_TIMEOUT_MS');

/** One attempt at delivering a notification: send, record the attempt, and say whether to retry. */
@Injectable()
export class NotificationDelivery {
  private readonly logger = new Logger('NotificationDelivery');

  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly box: SecretBox,
    @Inject(NOTIFICATION_TIMEOUT_MS) private readonly timeoutMs: number,
  ) {}

  /**
   * Throws DeliveryFailed when the receiver refused or was unreachable, so the queue retries;
   * `lastAttempt` marks the notification failed for good.
   */
  async deliver(notificationId: string, replay: boolean, lastAttempt: boolean): Promise<void> {
    const notification = await this.subscriptions.notification(notificationId);
    if (!notification) return;
    const subscription = await this.subscriptions
      .get(notification.subscriptionId)
      .catch(() => null);
    if (!subscription) return;
    const payload = { id: notification.id, ...notification.payload } as NotificationPayload;
    const started = Date.now();
    try {
      const responseStatus = await this.send(subscription, payload);
      await this.record(notification.id, subscription.id, replay, started, { responseStatus });
      await this.subscriptions.setNotificationStatus(notification.id, 'delivered');
    } catch (error) {
      const failure =
        error instanceof DeliveryFailed ? error : new DeliveryFailed((error as Error).message);
      const attempt = await this.record(notification.id, subscription.id, replay, started, {
        responseStatus: failure.responseStatus,
        error: failure.message,
      });
      this.logger.warn(
        { notificationId, subscription: subscription.slug, attempt },
        `Notification ${notification.event} to '${subscription.name}' failed (attempt ${attempt}${lastAttempt ? ', the last' : ''}): ${failure.message}`,
      );
      if (lastAttempt) await this.subscriptions.setNotificationStatus(notification.id, 'failed');
      throw failure;
    }
  }

  private send(
    subscription: SubscriptionEntity,
    payload: NotificationPayload,
  ): Promise<number | null> {
    const secrets = JSON.parse(
      this.box.decrypt(subscription.secretsEncrypted),
    ) as SubscriptionSecrets;
    switch (subscription.kind) {
      case 'webhook':
        return sendWebhook(
          { url: secrets.url as string, secret: secrets.secret as string },
          payload,
          this.timeoutMs,
        );
      case 'slack':
        return sendSlack(secrets.url as string, payload, this.timeoutMs);
      case 'email':
        return sendEmail(subscription.settings, secrets.smtpPassword, payload, this.timeoutMs);
    }
  }

  private record(
    notificationId: string,
    subscriptionId: string,
    replay: boolean,
    started: number,
    result: { responseStatus: number | null; error?: string },
  ): Promise<number> {
    return this.subscriptions.recordDelivery({
      notificationId,
      subscriptionId,
      replay,
      outcome: result.error ? 'failed' : 'delivered',
      responseStatus: result.responseStatus,
      error: result.error ?? null,
      durationMs: Date.now() - started,
    });
  }
}
