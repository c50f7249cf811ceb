// Live log streams against database load: S streams follow one deployment while a writer appends
// LINES_PER_SECOND log lines (published through Redis as the worker does); prints, for each S,
// the queries per second the API process made and the lines every stream received. Before the
// Redis fan-out each stream polled twice per 500 ms (~4 queries/s per stream: 200 streams ≈ 800).
// Run: npm run bench -- live   (BENCH_STREAMS=1,10,50,200 and BENCH_SECONDS=5 override)
// Needs PostgreSQL and Redis. Uses a throw-away database, removed afterwards. Asserts nothing.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '@gantry/config';
import { RedisDeploymentEvents } from '@gantry/core';
import {
  dataSourceOptions,
  DeploymentEntity,
  DeploymentRunsRepository,
  DeploymentTargetEntity,
  openDatabase,
} from '@gantry/persistence';
import { createApiApp } from '../../apps/api/src/create-api-app';

const SERVER = process.env.DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const STREAM_COUNTS = (process.env.BENCH_STREAMS ?? '1,10,50,200').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const LINES_PER_SECOND = 20;

async function main(): Promise<void> {
  const name = `gantry_bench_${randomBytes(4).toString('hex')}`;
  const url = `${SERVER}/${name}`;
  const key = randomBytes(16).toString('hex');
  const dataSource = new DataSource(dataSourceOptions(url, 4));
  await openDatabase(dataSource, url);
  const config = loadConfig({
    DATABASE_URL: url,
    REDIS_URL,
    GANTRY_BOOTSTRAP_API_KEY: key,
    QUEUE_PREFIX: `bench-${randomBytes(3).toString('hex')}`,
    LOG_LEVEL: 'silent',
    GANTRY_ROLE: 'api',
    LIVE_STREAMS_PER_KEY: String(Math.max(...STREAM_COUNTS)),
  });
  const app = await createApiApp(config, randomBytes(32));
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  let queries = 0;
  const logger = app.get(DataSource).logger;
  const logQuery = logger.logQuery.bind(logger);
  logger.logQuery = (...args) => {
    queries += 1;
    return logQuery(...args);
  };

  const publisher = new RedisDeploymentEvents(REDIS_URL, config.QUEUE_PREFIX);
  const runs = new DeploymentRunsRepository(
    dataSource.getRepository(DeploymentEntity),
    dataSource.getRepository(DeploymentTargetEntity),
    dataSource,
    publisher,
  );
  console.log(
    `streams  API queries/s  lines each stream got (of ${LINES_PER_SECOND * SECONDS} written)`,
  );
  try {
    for (const streams of STREAM_COUNTS) {
      // A deployment of its own, inserted without its release and project (checks off).
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      await runner.query(`SET session_replication_role = replica`);
      const [{ id }] = await runner.query(
        `INSERT INTO deployments (release_id, project_id, environment_id, stack_key, status)
         VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), $1, 'running') RETURNING id`,
        [`bench/${streams}`],
      );
      await runner.release();

      const controller = new AbortController();
      const received = Array.from({ length: streams }, () => 0);
      await Promise.all(
        received.map(async (_, index) => {
          const response = await fetch(`${base}/api/deployments/${id}/log/stream`, {
            headers: { authorization: `Bearer ${key}` },
            signal: controller.signal,
          });
          const reader = response.body!.getReader();
          void (async () => {
            let tail = '';
            for (;;) {
              const { done, value } = await reader
                .read()
                .catch(() => ({ done: true, value: undefined }));
              if (done || !value) return;
              const text = tail + Buffer.from(value).toString();
              const cut = text.lastIndexOf('\n') + 1;
              tail = text.slice(cut);
              received[index] += (text.slice(0, cut).match(/^event: log$/gm) ?? []).length;
            }
          })();
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      queries = 0;
      const started = performance.now();
      for (let i = 0; i < LINES_PER_SECOND * SECONDS; i += 1) {
        await runs.appendLog(id, [{ level: 'info', source: 'bench', message: `line ${i}` }]);
        const due = started + ((i + 1) * 1000) / LINES_PER_SECOND;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      const seconds = (performance.now() - started) / 1000;
      const perSecond = queries / seconds;
      const least = Math.min(...received);
      console.log(
        `${String(streams).padStart(7)}  ${perSecond.toFixed(1).padStart(13)}  ${least}${least === Math.max(...received) ? '' : ` to ${Math.max(...received)}`}`,
      );
      controller.abort();
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  } finally {
    publisher.close();
    await app.close();
    await dataSource.destroy();
    const admin = new Client({ connectionString: `${SERVER}/postgres` });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
