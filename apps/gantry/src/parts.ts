import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { GantryConfig } from '@gantry/config';

// Each part is loaded only when this process runs it: a sandbox alone starts without Nest.

/** One part of Gantry running in this process, stopped by the entry point on shutdown. */
export interface RunningPart {
  name: 'api' | 'worker' | 'sandbox';
  stop(): Promise<void>;
}

/**
 * Starts what GANTRY_ROLE asks for, each part with the one configuration read at start:
 * `all` runs the sandbox, the API and the worker; `api`, `worker` or `sandbox` one of them.
 * The sandbox starts first, so the worker's first deployments can reach it.
 */
export async function startParts(
  config: GantryConfig,
  masterKey: Buffer,
  logger: Logger,
): Promise<RunningPart[]> {
  const role = config.GANTRY_ROLE;
  const parts: RunningPart[] = [];
  if (role === 'all' || role === 'sandbox') parts.push(await startSandboxPart(config, logger));
  if (role === 'all' || role === 'api') parts.push(await startApiPart(config, masterKey, logger));
  if (role === 'all' || role === 'worker') parts.push(await startWorkerPart(config, masterKey));
  return parts;
}

async function startSandboxPart(config: GantryConfig, logger: Logger): Promise<RunningPart> {
  // A sandbox of its own prints every request; embedded, it stays quiet unless LOG_LEVEL=debug.
  const level = config.GANTRY_ROLE === 'sandbox' ? 'info' : 'debug';
  const { startSandbox } = await import('../../sandbox/src/sandbox-server');
  const { sandboxOptions } = await import('../../sandbox/src/sandbox-options');
  const sandbox = await startSandbox(
    sandboxOptions(config, (line) => logger[level]({ source: 'sandbox' }, line)),
  );
  logger.info(`AWS sandbox listening on ${sandbox.url}`);
  return { name: 'sandbox', stop: () => sandbox.close() };
}

async function startApiPart(
  config: GantryConfig,
  masterKey: Buffer,
  logger: Logger,
): Promise<RunningPart> {
  const { createApiApp } = await import('../../api/src/create-api-app');
  const app = await createApiApp(config, masterKey);
  await app.listen(config.PORT, config.HOST);
  const { address, port } = app.getHttpServer().address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  logger.info({ address, port }, `API listening on http://${host}:${port} (docs at /api/docs)`);
  return { name: 'api', stop: () => app.close() };
}

async function startWorkerPart(config: GantryConfig, masterKey: Buffer): Promise<RunningPart> {
  const { startWorker } = await import('../../worker/src/start-worker');
  const app = await startWorker(config, masterKey);
  return { name: 'worker', stop: () => app.close() };
}
