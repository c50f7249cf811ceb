import { DynamicModule, Module } from '@nestjs/common';
import { GantryConfig, notificationRetry } from '@gantry/config';
import { CoreModule } from '@gantry/core';
import { DeployModule, deploySettings } from '@gantry/deploy';
import { configuredDeploymentProcessor } from './deployment.processor';
import { configuredNotificationProcessor } from './notification.processor';
import { Reconciler } from './reconciler';
import { RetentionProcessor } from './retention.processor';

/** The worker's composition root: the queue consumer, the runner and the reconciler. */
@Module({})
export class WorkerModule {
  static forRoot(config: GantryConfig, masterKey: Buffer): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config, masterKey),
        DeployModule.forRoot(deploySettings(config)),
      ],
      providers: [
        // A dead worker's job returns to the queue when its lock lapses; the lock and the
        // stalled-job check follow the deployment lease, so both expire together.
        configuredDeploymentProcessor({
          concurrency: config.WORKER_CONCURRENCY,
          lockDuration: config.WORKER_LEASE_SECONDS * 1000,
          stalledInterval: config.WORKER_LEASE_SECONDS * 1000,
          maxStalledCount: 100,
        }),
        configuredNotificationProcessor(config.NOTIFICATION_CONCURRENCY, notificationRetry(config)),
        Reconciler,
        RetentionProcessor,
      ],
    };
  }
}
