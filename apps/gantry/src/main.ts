import 'reflect-metadata';
import { createLogger, GantryConfig, loadConfig, resolveMasterKey } from '@gantry/config';
import { startParts } from './parts';
import { stopOnSignals } from './shutdown';
import { startupErrorLine } from './startup-error';

/**
 * Gantry's one entry point. GANTRY_ROLE picks what this process runs: `all` (API, worker and
 * the AWS sandbox), `api`, `worker` or `sandbox`. The configuration is read and validated once,
 * here, and handed to every part.
 */
async function main(): Promise<void> {
  let config: GantryConfig | undefined;
  try {
    config = loadConfig();
    const logger = createLogger(config);
    const masterKey = resolveMasterKey(config, (message) => logger.warn(message));
    const parts = await startParts(config, masterKey, logger);
    stopOnSignals(parts, {
      timeoutSeconds: config.SHUTDOWN_TIMEOUT_SECONDS,
      logger,
      exit: (code) => process.exit(code),
    });
    logger.info({ role: config.GANTRY_ROLE }, `Gantry is running (role ${config.GANTRY_ROLE})`);
  } catch (error) {
    console.error(startupErrorLine(error, config));
    process.exit(1);
  }
}

void main();
