import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { GantryConfig, GantryConfigModule, notificationRetry, publicUrl } from '@gantry/config';
import { NotificationsModule } from '@gantry/notifications';
import { PersistenceModule } from '@gantry/persistence';
import { QueueModule } from '@gantry/queue';
import { LiveEventsModule } from './live-events';
import { processLoggerOptions } from './request-logging';

/**
 * What every Gantry process needs, wired once: the configuration (read once, by the entry
 * point) and the master key, the logger, PostgreSQL and the repositories, Redis and the queues, and notification publishing.
 * The API and the worker modules import it instead of wiring these themselves.
 */
@Module({})
export class CoreModule {
  static forRoot(config: GantryConfig, masterKey: Buffer): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        GantryConfigModule.forRoot(config, masterKey),
        LoggerModule.forRoot({ pinoHttp: processLoggerOptions(config) }),
        LiveEventsModule.forRoot({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX }),
        PersistenceModule.forRoot(config.DATABASE_URL),
        QueueModule.forRoot({
          redisUrl: config.REDIS_URL,
          prefix: config.QUEUE_PREFIX,
          notificationRetry: notificationRetry(config),
        }),
        NotificationsModule.forRoot({
          publicUrl: publicUrl(config),
          timeoutMs: config.NOTIFICATION_TIMEOUT_MS,
        }),
      ],
    };
  }
}
