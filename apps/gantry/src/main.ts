import 'reflect-metadata';
import { setFlagsFromString } from 'node:v8';
import { createLogger, GantryConfig, loadConfig, resolveMasterKey } from '@gantry/config';
import { startParts } from './parts';
import { stopOnSignals } from './shutdown';
import { startupErrorLine } from './startup-error';

/**
 * A worker holds about 50 KB per deployment in flight, yet V8's default heap growth let the heap
 * of a 1,000-tenant fan-out reach four times its live 60 MB between two full collections (worker
 * RSS 364 MB). Growing the heap by half its live size instead keeps that fan-out near 224 MB, for
 * a full collection every few seconds (`npm run bench -- fanout`). V8 reads the flag whenever it
 * sizes the heap after a collection, so setting it at start is enough.
 */
setFlagsFromString('--heap-growing-percent=50');

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
