import { PrivateRedis, startPrivateRedis } from '@gantry/testing';
import { startSandbox, RunningSandbox } from '../../apps/sandbox/src/sandbox-server';
import { ApiHarness, startApi } from '../support/api-harness';
import { assertBuilt, GantryProcess, startGantry } from '../support/gantry-process';
import { eventually, FAST_PLATFORM_ENV } from '../support/platform-harness';
import { seedPlatform } from '../support/seed';

const SHUTDOWN_TIMEOUT_SECONDS = 5;
const PROJECTS = ['shop', 'cart', 'till'];

/**
 * SIGTERM during a Redis outage: the worker process exits within SHUTDOWN_TIMEOUT_SECONDS, and
 * the deployments it was running finish on a worker started after Redis is back.
 */
describe('graceful shutdown (private Redis outage)', () => {
  let redis: PrivateRedis;
  let sandbox: RunningSandbox;
  let api: ApiHarness;
  const workers: GantryProcess[] = [];

  beforeAll(async () => {
    assertBuilt();
    redis = await startPrivateRedis();
    sandbox = await startSandbox({ port: 0, timeScale: 0.2 });
    api = await startApi('shutdown', {
      ...FAST_PLATFORM_ENV,
      SANDBOX_URL: sandbox.url,
      REDIS_URL: redis.url,
    });
    for (const project of PROJECTS) await seedPlatform(api, { project });
  });
  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await redis.start().catch(() => undefined);
    await api.close();
    await sandbox.close();
    await redis.close();
  });

  const startWorker = () => {
    const worker = startGantry({
      ...FAST_PLATFORM_ENV,
      GANTRY_ROLE: 'worker',
      DATABASE_URL: api.config.DATABASE_URL,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: api.config.QUEUE_PREFIX,
      GANTRY_MASTER_KEY: api.masterKey.toString('hex'),
      SANDBOX_URL: sandbox.url,
      SHUTDOWN_TIMEOUT_SECONDS: String(SHUTDOWN_TIMEOUT_SECONDS),
      LOG_LEVEL: 'info',
    });
    workers.push(worker);
    return worker;
  };

  const statuses = async (ids: string[]): Promise<string[]> =>
    (
      await api.db.dataSource.query(
        'SELECT status FROM deployments WHERE id = ANY($1) ORDER BY id',
        [ids],
      )
    ).map((row: { status: string }) => row.status);

  it('exits within the bound and loses nothing: the deployments finish on a new worker', async () => {
    const first = startWorker();
    await first.waitFor(/Gantry is running \(role worker\)/);
    const ids: string[] = [];
    for (const project of PROJECTS) {
      const release = await api
        .post(`/api/projects/${project}/releases`, {
          version: '1.0.0',
          images: { web: '1.0.0', worker: '1.0.0' },
        })
        .expect(201);
      ids.push(release.body.deployments[0].id);
    }
    // Every stack operation under way: the worker is in the middle of all three.
    await eventually(
      async () => {
        const rows = await api.db.dataSource.query(
          'SELECT status FROM deployment_targets WHERE deployment_id = ANY($1)',
          [ids],
        );
        return rows.length === ids.length &&
          rows.every((row: { status: string }) => row.status === 'executing')
          ? true
          : undefined;
      },
      60_000,
      'every deployment executing its change set',
    );

    await redis.kill();
    first.child.kill('SIGTERM');
    let bound: NodeJS.Timeout | undefined;
    const exit = await Promise.race([
      first.exited,
      new Promise<string>((resolve) => {
        bound = setTimeout(() => resolve('still running'), (SHUTDOWN_TIMEOUT_SECONDS + 15) * 1000);
      }),
    ]);
    clearTimeout(bound);
    expect({ exit, log: first.output() }).toEqual({
      exit: expect.any(Number),
      log: expect.stringMatching(/SIGTERM: shutting down \(at most 5 s\)/),
    });
    expect(await statuses(ids)).toEqual(['running', 'running', 'running']);

    await redis.start();
    startWorker();
    await eventually(
      async () => {
        const now = await statuses(ids);
        return now.every((status) => ['succeeded', 'failed', 'cancelled'].includes(status))
          ? now
          : undefined;
      },
      120_000,
      'the deployments to finish on the new worker',
    );
    expect(await statuses(ids)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    // Two worker processes start from dist/ (each takes seconds, more on a loaded machine).
  }, 300_000);
});
