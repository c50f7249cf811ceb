import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { GantryConfig } from '@gantry/config';
import { WorkerModule } from './worker.module';

/** Starts a worker process (no HTTP server): it consumes the deployments queue. */
export async function startWorker(config: GantryConfig, masterKey: Buffer): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, masterKey), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
}
