import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { startSandbox, RunningSandbox } from '../../apps/sandbox/src/sandbox-server';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { ApiHarness, startApi } from './api-harness';

export interface PlatformHarness {
  api: ApiHarness;
  sandbox: RunningSandbox;
  worker: INestApplicationContext | null;
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

/** Settings that make a deployment take about a second against the sandbox. */
export const FAST_PLATFORM_ENV = {
  WORKER_POLL_MIN_MS: '40',
  WORKER_POLL_MAX_MS: '250',
  WORKER_LEASE_SECONDS: '3',
  RECONCILE_INTERVAL_SECONDS: '1',
  AWS_RATE_LIMIT_PER_SECOND: '500',
  AWS_RATE_LIMIT_BURST: '200',
};

/** The real API, a real worker and the sandbox, on a fresh database and queue prefix. */
export async function startPlatform(
  label: string,
  options: { timeScale?: number; env?: Record<string, string>; startWorker?: boolean } = {},
): Promise<PlatformHarness> {
  const sandbox = await startSandbox({ port: 0, timeScale: options.timeScale ?? 0.01 });
  const api = await startApi(label, {
    ...FAST_PLATFORM_ENV,
    SANDBOX_URL: sandbox.url,
    ...options.env,
  });
  const harness: PlatformHarness = {
    api,
    sandbox,
    worker: null,
    async startWorker() {
      const worker = await NestFactory.createApplicationContext(
        WorkerModule.forRoot(api.config, api.masterKey),
        { logger: false },
      );
      await worker.init();
      harness.worker = worker;
    },
    async stopWorker() {
      await harness.worker?.close();
      harness.worker = null;
    },
    async close() {
      await harness.stopWorker();
      await api.close();
      await sandbox.close();
    },
  };
  if (options.startWorker !== false) await harness.startWorker();
  return harness;
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 30_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
