import 'reflect-metadata';
import { ConfigError, createLogger, loadConfig, resolveMasterKey } from '@gantry/config';
import { startWorker } from './start-worker';

/** `npm run start:worker`: a worker process alone. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  await startWorker(
    config,
    resolveMasterKey(config, (message) => logger.warn(message)),
  );
  logger.info(`Worker running (concurrency ${config.WORKER_CONCURRENCY})`);
}

main().catch((error: Error) => {
  console.error(
    error instanceof ConfigError
      ? error.message
      : `Worker failed to start: ${error.stack ?? error.message}`,
  );
  process.exit(1);
});
