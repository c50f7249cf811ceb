import { DynamicModule, Global, Module } from '@nestjs/common';
import { NotificationDelivery, NOTIFICATION_TIMEOUT_MS } from './notification-delivery';
import { NOTIFICATIONS_PUBLIC_URL, NotificationPublisher } from './notification-publisher';

export interface NotificationSettings {
  /** Where people reach Gantry: the base of every link in a notification. */
  publicUrl: string;
  /** How long one delivery attempt may take. */
  timeoutMs: number;
}

/** Publishing events as notifications (API and worker) and delivering them (worker). */
@Global()
@Module({})
export class NotificationsModule {
  static forRoot(settings: NotificationSettings): DynamicModule {
    return {
      module: NotificationsModule,
      providers: [
        { provide: NOTIFICATIONS_PUBLIC_URL, useValue: settings.publicUrl },
        { provide: NOTIFICATION_TIMEOUT_MS, useValue: settings.timeoutMs },
        NotificationPublisher,
        NotificationDelivery,
      ],
      exports: [NotificationPublisher, NotificationDelivery],
    };
  }
}
