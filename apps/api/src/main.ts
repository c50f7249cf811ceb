import 'reflect-metadata';
import {
  ConfigError,
  createLogger,
  GantryConfig,
  loadConfig,
  resolveMasterKey,
} from '@gantry/config';
import { createApiApp } from './create-api-app';

/**
 * The one entry point of `npm start`. GANTRY_ROLE picks what this process runs:
 * `all` (API + worker + sandbox), `api`, `worker` or `sandbox`.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const masterKey = resolveMasterKey(config, (message) => logger.warn(message));
  const role = config.GANTRY_ROLE;
  if (role === 'all' || role === 'sandbox') await startEmbeddedSandbox(config, logger);
  if (role === 'all' || role === 'api') await startApi(config, masterKey, logger);
  if (role === 'all' || role === 'worker') await startWorker(config, masterKey);
  logger.info({ role }, `Gantry is running (role ${role})`);
}

async function startApi(
  config: GantryConfig,
  masterKey: Buffer,
  logger: ReturnType<typeof createLogger>,
): Promise<void> {
  const app = await createApiApp(config, masterKey);
  await app.listen(config.PORT, '0.0.0.0');
  logger.info(`API listening on http://localhost:${config.PORT} (docs at /api/docs)`);
}

async function startEmbeddedSandbox(
  config: GantryConfig,
  logger: ReturnType<typeof createLogger>,
): Promise<void> {
  const { startSandbox } = await import('../../sandbox/src/sandbox-server');
  const sandbox = await startSandbox({
    port: config.SANDBOX_PORT,
    host: config.SANDBOX_HOST,
    timeScale: config.SANDBOX_TIME_SCALE,
    throttlePerSecond: config.SANDBOX_THROTTLE_RPS,
    stateFile: config.SANDBOX_STATE_FILE,
    logger: (line) => logger.debug({ source: 'sandbox' }, line),
  });
  logger.info(`AWS sandbox listening on ${sandbox.url}`);
}

async function startWorker(config: GantryConfig, masterKey: Buffer): Promise<void> {
  const { startWorker: start } = await import('../../worker/src/start-worker');
  await start(config, masterKey);
}

main().catch((error: Error) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(`Gantry failed to start: ${error.stack ?? error.message}`);
  }
  process.exit(1);
});
