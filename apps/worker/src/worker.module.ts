import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { GantryConfig, GantryConfigModule, loggerOptions } from '@gantry/config';
import { DeployModule, deploySettings } from '@gantry/deploy';
import { PersistenceModule } from '@gantry/persistence';
import { QueueModule } from '@gantry/queue';
import { configuredDeploymentProcessor } from './deployment.processor';
import { Reconciler } from './reconciler';

/** The worker's composition root: the queue consumer, the runner and the reconciler. */
@Module({})
export class WorkerModule {
  static forRoot(config: GantryConfig, masterKey: Buffer): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        GantryConfigModule.forRoot(config, masterKey),
        LoggerModule.forRoot({ pinoHttp: loggerOptions(config) }),
        PersistenceModule.forRoot(config.DATABASE_URL),
        QueueModule.forRoot({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX }),
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
        Reconciler,
      ],
    };
  }
}
