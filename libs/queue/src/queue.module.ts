import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module, OnApplicationShutdown, Inject } from '@nestjs/common';
import IORedis, { Redis } from 'ioredis';
import { DeploymentQueue } from './deployment-queue';
import { NotificationQueue } from './notification-queue';
import {
  DEFAULT_NOTIFICATION_RETRY,
  DEPLOYMENTS_QUEUE,
  NOTIFICATION_RETRY,
  NotificationRetry,
  NOTIFICATIONS_QUEUE,
  REDIS_CONNECTION,
  RETENTION_QUEUE,
} from './queue.constants';

export interface QueueSettings {
  redisUrl: string;
  prefix: string;
  /** Back-off of notification deliveries (defaults: 30 s doubling up to 1 h, for 24 h). */
  notificationRetry?: NotificationRetry;
}

/** BullMQ on Redis, the deployments queue and its producer, plus a plain Redis client. */
@Global()
@Module({})
export class QueueModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CONNECTION) private readonly redis: Redis) {}

  static forRoot(settings: QueueSettings): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        BullModule.forRoot({
          connection: bullConnection(settings.redisUrl),
          prefix: settings.prefix,
        }),
        BullModule.registerQueue(
          { name: DEPLOYMENTS_QUEUE },
          { name: NOTIFICATIONS_QUEUE },
          { name: RETENTION_QUEUE },
        ),
      ],
      providers: [
        DeploymentQueue,
        NotificationQueue,
        {
          provide: NOTIFICATION_RETRY,
          useValue: settings.notificationRetry ?? DEFAULT_NOTIFICATION_RETRY,
        },
        {
          provide: REDIS_CONNECTION,
          useFactory: () =>
            new IORedis(settings.redisUrl, { maxRetriesPerRequest: 3, lazyConnect: false }),
        },
      ],
      exports: [
        DeploymentQueue,
        NotificationQueue,
        NOTIFICATION_RETRY,
        REDIS_CONNECTION,
        BullModule,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}

/** BullMQ needs `maxRetriesPerRequest: null` on connections its workers block on. */
export function bullConnection(redisUrl: string) {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}
