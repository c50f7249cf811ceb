import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { GantryConfig } from '@gantry/config';
import { WorkerModule } from './worker.module';

/**
 * Starts the worker (no HTTP server): it consumes the deployments queue until it is closed.
 * The entry point (apps/gantry) owns the process signals and closes it.
 */
export async function startWorker(
  config: GantryConfig,
  masterKey: Buffer,
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, masterKey), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  await app.init();
  return app;
}
