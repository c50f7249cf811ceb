// Fault soak: BENCH_SOAK_DEPLOYMENTS (default 30) tenant deployments on two worker processes,
// while random faults hit: a worker killed with SIGKILL (and started again), or the (private)
// Redis killed for a few seconds (and started again). Bounded by BENCH_SOAK_SECONDS (default
// 240). Prints deployments run, kills, outages, lost, duplicated and status mismatches with AWS
// (target: 0, 0, 0). Exits 1 when any of the last three is not 0.
// Run: npm run bench -- soak
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { startPrivateRedis } from '@gantry/testing';
import { startSandbox } from '../../apps/sandbox/src/sandbox-server';
import { startBenchApi } from '../support/bench-api';
import { seedTenantedFleet, workerEnv } from '../support/tenanted-fleet';

const DEPLOYMENTS = Number(process.env.BENCH_SOAK_DEPLOYMENTS ?? 30);
const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 240);
const FAULT_EVERY_MS = 4000;
const REDIS_OUTAGE_MS = 3000;
const GANTRY_ENTRY = join(__dirname, '../../apps/gantry/src/main.js');
const FINAL = ['succeeded', 'failed', 'cancelled'];

const FAST = {
  WORKER_POLL_MIN_MS: '100',
  WORKER_POLL_MAX_MS: '500',
  WORKER_LEASE_SECONDS: '3',
  RECONCILE_INTERVAL_SECONDS: '1',
  AWS_RATE_LIMIT_PER_SECOND: '200',
  AWS_RATE_LIMIT_BURST: '100',
};

const step = {
  containers: [
    {
      name: 'web',
      image: 'ghcr.io/acme/web',
      portMappings: [{ containerPort: 8080 }],
      logging: 'none',
    },
  ],
  task: { cpu: '256', memory: '512' },
  service: {
    desiredCount: 1,
    network: { subnets: ['subnet-0a1b2c3d'], securityGroups: ['sg-0a1b2c3d'] },
  },
};

interface Row {
  id: string;
  status: string;
  stack_name: string;
  task_definition: string | null;
  outcomes: number;
}

interface SandboxState {
  stacks: { stackName: string; status: string }[];
  services: {
    serviceName: string;
    deployments: { status: string; taskDefinition: string; rolloutState: string }[];
  }[];
  requestCounts: Record<string, number>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const redis = await startPrivateRedis();
  const sandbox = await startSandbox({ port: 0, timeScale: 0.05 });
  const env = { ...FAST, SANDBOX_URL: sandbox.url, REDIS_URL: redis.url };
  const api = await startBenchApi(env);
  const workers: (ChildProcess | null)[] = [null, null];
  const startWorker = (slot: number) => {
    workers[slot] = spawn(process.execPath, [GANTRY_ENTRY], {
      env: workerEnv(api, env, 'silent'),
      stdio: 'ignore',
    });
  };
  const killWorker = async (slot: number) => {
    const worker = workers[slot];
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.kill('SIGKILL');
    await exited;
    workers[slot] = null;
  };
  let kills = 0;
  let outages = 0;
  try {
    await seedTenantedFleet(api, {
      project: 'Soak',
      tag: 'soak',
      tenantTag: 'soak/all',
      tenants: DEPLOYMENTS,
      step,
    });
    const release = await api.call<{ id: string }>('POST', '/api/projects/soak/releases', {
      version: '1.0.0',
      images: { web: '1.0.0' },
    });
    startWorker(0);
    startWorker(1);
    console.log(
      `soak: ${DEPLOYMENTS} deployments on 2 workers, a random fault every ${FAULT_EVERY_MS / 1000} s (worker SIGKILL or a ${REDIS_OUTAGE_MS / 1000} s Redis outage), at most ${SECONDS} s`,
    );
    const started = Date.now();
    await api.call('POST', `/api/releases/${release.body.id}/deployments`, {
      environment: 'production',
      tenantTags: ['soak/all'],
    });
    const unfinished = async () =>
      Number(
        (
          await api.dataSource.query(
            `SELECT count(*)::int AS n FROM deployments WHERE status NOT IN ('succeeded', 'failed', 'cancelled')`,
          )
        )[0].n,
      );
    while ((await unfinished()) > 0 && Date.now() - started < SECONDS * 1000) {
      await sleep(FAULT_EVERY_MS);
      if (Math.random() < 0.5) {
        const slot = Math.floor(Math.random() * workers.length);
        await killWorker(slot);
        kills += 1;
        startWorker(slot);
      } else {
        await redis.kill();
        outages += 1;
        await sleep(REDIS_OUTAGE_MS);
        await redis.start();
      }
    }
    const wall = (Date.now() - started) / 1000;
    const rows: Row[] = await api.dataSource.query(
      `SELECT d.id, d.status, t.stack_name, t.outputs->>'TaskDefinitionArn' AS task_definition,
              (SELECT count(*)::int FROM deployment_log l WHERE l.deployment_id = d.id
                 AND l.message IN ('Deployment succeeded.', 'Deployment failed.', 'Deployment cancelled.')) AS outcomes
         FROM deployments d JOIN deployment_targets t ON t.deployment_id = d.id`,
    );
    const state = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as SandboxState;
    const finished = rows.filter((row) => FINAL.includes(row.status));
    const lost = DEPLOYMENTS - finished.length;
    const duplicated =
      rows.filter((row) => row.outcomes > 1).length +
      Math.max(0, (state.requestCounts['cloudformation:ExecuteChangeSet'] ?? 0) - rows.length);
    const mismatches = finished.filter((row) => {
      const stack = state.stacks.find((s) => s.stackName === row.stack_name);
      const primary = state.services
        .find((s) => s.serviceName === row.stack_name)
        ?.deployments.find((d) => d.status === 'PRIMARY');
      const awsSucceeded =
        /^(CREATE|UPDATE)_COMPLETE$/.test(stack?.status ?? '') &&
        primary?.rolloutState === 'COMPLETED' &&
        primary.taskDefinition === row.task_definition;
      return (row.status === 'succeeded') !== awsSucceeded;
    }).length;
    const byStatus = Object.entries(
      rows.reduce<Record<string, number>>((acc, row) => {
        acc[row.status] = (acc[row.status] ?? 0) + 1;
        return acc;
      }, {}),
    )
      .map(([status, n]) => `${status} ${n}`)
      .join(', ');
    console.log(`  wall time: ${wall.toFixed(1)} s`);
    console.log(`  deployments run: ${finished.length} of ${DEPLOYMENTS} (${byStatus})`);
    console.log(`  worker kills: ${kills}`);
    console.log(`  Redis outages: ${outages}`);
    console.log(`  lost: ${lost} (target 0)`);
    console.log(`  duplicated: ${duplicated} (target 0)`);
    console.log(`  status mismatches with AWS: ${mismatches} (target 0)`);
    const errors: { error: string; n: number }[] = await api.dataSource.query(
      `SELECT error, count(*)::int AS n FROM deployments WHERE status = 'failed' GROUP BY error ORDER BY n DESC LIMIT 3`,
    );
    for (const { error, n } of errors) console.log(`  failed ×${n}: ${error}`);
    if (lost || duplicated || mismatches) process.exitCode = 1;
  } finally {
    await Promise.all(workers.map((_, slot) => killWorker(slot)));
    await redis.start();
    await api.close();
    await sandbox.close();
    await redis.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
