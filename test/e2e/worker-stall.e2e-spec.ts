import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DeploymentRunner } from '@gantry/deploy';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { deployClient } from '../support/deploy-client';
import { eventually, PlatformHarness, startPlatform } from '../support/platform-harness';
import { seedPlatform } from '../support/seed';

/** Blocks this process's event loop (worker, sandbox and all) for `ms`, as a long GC pause would. */
function stallEventLoop(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy: no timer, no I/O, no lease renewal runs meanwhile
  }
}

/**
 * A worker whose event loop stalls past its lease (3 s here) gets its job handed out again. One
 * runner goes on; a runner superseded by another claim stops: one log, one outcome.
 */
describe('a worker stalled past its lease', () => {
  let platform: PlatformHarness;
  let client: ReturnType<typeof deployClient>;
  let otherWorker: INestApplicationContext;

  beforeAll(async () => {
    platform = await startPlatform('worker-stall', { timeScale: 0.05 });
    client = deployClient(platform);
    await seedPlatform(platform.api, { project: 'solo' });
  });
  afterAll(async () => {
    await otherWorker?.close();
    await platform.close();
  });

  const executing = (deploymentId: string) =>
    eventually(
      async () => {
        const rows = await platform.api.db.dataSource.query(
          'SELECT status FROM deployment_targets WHERE deployment_id = $1',
          [deploymentId],
        );
        return rows[0]?.status === 'executing' ? true : undefined;
      },
      30_000,
      'the stack operation to run',
    );

  const expectOneRunnerOneOutcome = async (deploymentId: string, creates: number) => {
    const deployment = await client.finished(deploymentId, 60_000);
    expect(deployment.status).toBe('succeeded');
    // Lines written by a runner that lost its claim would come after the outcome or repeat it.
    const log = await client.log(deploymentId);
    expect(log.filter((line) => /^Deployment (succeeded|failed|cancelled)\./.test(line))).toEqual([
      'Deployment succeeded.',
    ]);
    const settled = await eventually(
      async () => {
        const again = await client.log(deploymentId);
        await new Promise((resolve) => setTimeout(resolve, 500));
        const later = await client.log(deploymentId);
        return later.length === again.length ? later : undefined;
      },
      10_000,
      'the log to stop growing',
    );
    expect(settled.filter((line) => /^Deployment /.test(line)).at(-1)).toBe(
      'Deployment succeeded.',
    );
    expect(settled.indexOf('Deployment succeeded.')).toBeGreaterThanOrEqual(
      settled.length - 3, // only the lifecycle's "Queued … automatic deployment(s)" may follow
    );
    const counts = (await client.sandboxState()).requestCounts;
    expect(counts['cloudformation:ExecuteChangeSet']).toBe(creates);
    return settled;
  };

  it('keeps one runner when the job comes back to the same worker', async () => {
    const release = await client.createRelease('solo', '1.0.0', '1.0.0');
    const { id } = await client.onlyOf('solo', 'dev', release.id);
    await executing(id);
    stallEventLoop(5_000);
    // What BullMQ does once the job lock lapsed: the job is delivered again, here to the same worker.
    await platform.worker!.get(DeploymentRunner).run(id);
    const log = await expectOneRunnerOneOutcome(id, 1);
    expect(log.filter((line) => /re-attached/.test(line))).toEqual([]);
  });

  it('stops a runner whose lapsed lease another worker claimed: one outcome, nothing after it', async () => {
    const release = await client.createRelease('solo', '1.1.0', '1.1.0');
    const { id } = await client.onlyOf('solo', 'dev', release.id);
    await executing(id);
    // A second worker process's worth of worker, started once the first one runs the deployment.
    otherWorker = await NestFactory.createApplicationContext(
      WorkerModule.forRoot(platform.api.config, platform.api.masterKey),
      { logger: false },
    );
    await otherWorker.init();
    const other = otherWorker.get(DeploymentRunner);
    // The lease lapses (as during a stall) and the other worker claims it before the first
    // runner renews it; tried again in the rare case the renewal came first.
    await eventually(
      async () => {
        await platform.api.db.dataSource.query(
          `UPDATE deployments SET lease_expires_at = now() - interval '1 second' WHERE id = $1`,
          [id],
        );
        void other.run(id);
        await new Promise((resolve) => setTimeout(resolve, 200));
        return (await client.log(id)).some((line) => /re-attached/.test(line)) ? true : undefined;
      },
      20_000,
      'the other worker to take the deployment over',
    );
    const log = await expectOneRunnerOneOutcome(id, 2);
    expect(log.filter((line) => /re-attached/.test(line))).toHaveLength(1);
  });
});
