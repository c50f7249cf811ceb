import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { GantryConfig, loadConfig } from '@gantry/config';
import { dataSourceOptions, openDatabase } from '@gantry/persistence';
import { bullConnection } from '@gantry/queue';
import { createApiApp } from '../../apps/api/src/create-api-app';

const SERVER = process.env.DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface BenchApi {
  base: string;
  config: GantryConfig;
  masterKey: Buffer;
  dataSource: DataSource;
  queue: Queue;
  call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T; ms: number }>;
  close(): Promise<void>;
}

/**
 * The real API on a throw-away database `gantry_bench_<random>` and queue prefix, listening on
 * a free port; `close()` removes both. Benchmarks call it over HTTP like any client.
 */
export async function startBenchApi(env: Record<string, string> = {}): Promise<BenchApi> {
  const name = `gantry_bench_${randomBytes(4).toString('hex')}`;
  const url = `${SERVER}/${name}`;
  const key = randomBytes(16).toString('hex');
  const masterKey = randomBytes(32);
  const dataSource = new DataSource(dataSourceOptions(url, 4));
  await openDatabase(dataSource, url);
  const redisUrl = env.REDIS_URL ?? REDIS_URL;
  const config = loadConfig({
    DATABASE_URL: url,
    REDIS_URL: redisUrl,
    GANTRY_BOOTSTRAP_API_KEY: key,
    QUEUE_PREFIX: `bench-${randomBytes(3).toString('hex')}`,
    LOG_LEVEL: 'silent',
    GANTRY_ROLE: 'api',
    ...env,
  });
  const queue = new Queue('deployments', {
    connection: bullConnection(redisUrl),
    prefix: config.QUEUE_PREFIX,
  });
  const app: INestApplication = await createApiApp(config, masterKey);
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    base,
    config,
    masterKey,
    dataSource,
    queue,
    async call<T>(method: string, path: string, body?: unknown) {
      const started = performance.now();
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = (await response.json()) as T;
      const ms = performance.now() - started;
      if (response.status >= 300)
        throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
      return { status: response.status, body: json, ms };
    },
    async close() {
      await app.close();
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      await dataSource.destroy();
      if (process.env.BENCH_KEEP_DATABASE === '1') {
        console.log(
          `  kept database ${name} (BENCH_KEEP_DATABASE=1) for EXPLAIN; drop it when done`,
        );
        return;
      }
      const admin = new Client({ connectionString: `${SERVER}/postgres` });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
