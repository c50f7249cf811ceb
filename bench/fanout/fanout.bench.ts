// A tenanted project deployed to production for 500 tenants on the sandbox, with a simulated
// deploy time of about 30 s and a CloudFormation throttle of 50 requests/s per action. Prints
// wall time, deployments per second, AWS calls per deployment by action and the worker's peak
// RSS, against the targets of issue 6. Asserts nothing.
// Run: npm run build && node dist/bench/fanout/fanout.bench.js   (BENCH_TENANTS to change 500)
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox } from '../../apps/sandbox/src/sandbox-server';
import { startBenchApi } from '../support/bench-api';
import { seedTenantedFleet, workerEnv } from '../support/tenanted-fleet';

const TENANTS = Number(process.env.BENCH_TENANTS ?? 500);
const THROTTLE = 50;
const DEPLOY_SECONDS = 30;
const GANTRY_ENTRY = join(__dirname, '../../apps/gantry/src/main.js');

const step = {
  containers: [
    {
      name: 'web',
      image: 'ghcr.io/acme/web',
      portMappings: [{ containerPort: 8080 }],
      logging: 'none',
    },
    { name: 'sidecar', image: 'ghcr.io/acme/sidecar', essential: false, logging: 'none' },
  ],
  task: { cpu: '256', memory: '512' },
  service: {
    desiredCount: 1,
    network: { subnets: ['subnet-0a1b2c3d'], securityGroups: ['sg-0a1b2c3d'] },
  },
};

function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({ port: 0, timeScale: 1, throttlePerSecond: THROTTLE });
  const env = {
    SANDBOX_URL: sandbox.url,
    WORKER_CONCURRENCY: String(TENANTS),
    AWS_RATE_LIMIT_PER_SECOND: String(THROTTLE),
    AWS_RATE_LIMIT_BURST: '50',
  };
  const api = await startBenchApi(env);
  let worker: ChildProcess | undefined;
  try {
    await seedTenantedFleet(api, {
      project: 'Saas',
      tag: 'saas',
      tenantTag: 'tier/gold',
      tenants: TENANTS,
      step,
    });
    const release = await api.call<{ id: string }>('POST', '/api/projects/saas/releases', {
      version: '1.0.0',
      images: { web: '1.0.0', sidecar: '1.0.0' },
    });
    const before = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as {
      requestCounts: Record<string, number>;
    };

    worker = spawn(process.execPath, [GANTRY_ENTRY], {
      env: workerEnv(api, env, 'warn'),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    let peakRss = rssMb(worker.pid as number);
    const sampler = setInterval(
      () => (peakRss = Math.max(peakRss, rssMb(worker?.pid as number))),
      250,
    );

    console.log(
      `fan-out: ${TENANTS} tenants to production, simulated deploy ≈ ${DEPLOY_SECONDS} s, sandbox throttle ${THROTTLE} requests/s per action`,
    );
    const started = performance.now();
    const requested = await api.call<{ items: unknown[] }>(
      'POST',
      `/api/releases/${release.body.id}/deployments`,
      { environment: 'production', tenantTags: ['tier/gold'] },
    );
    let counts: { status: string; n: number }[] = [];
    for (;;) {
      counts = await api.dataSource.query(
        `SELECT status, count(*)::int AS n FROM deployments GROUP BY status`,
      );
      if (!counts.some((row) => row.status === 'queued' || row.status === 'running')) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const wall = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const after = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as {
      requestCounts: Record<string, number>;
    };
    const deployments = requested.body.items.length;
    const calls = Object.entries(after.requestCounts)
      .map(([action, n]) => [action, n - (before.requestCounts[action] ?? 0)] as const)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1]);
    const total = calls.reduce((sum, [, n]) => sum + n, 0);
    const floor = DEPLOY_SECONDS + total / THROTTLE;
    console.log(
      `  deployments: ${deployments} (${counts.map((row) => `${row.status} ${row.n}`).join(', ')})`,
    );
    console.log(
      `  wall time: ${wall.toFixed(1)} s (floor ${floor.toFixed(1)} s = ${DEPLOY_SECONDS} s + ${total} calls ÷ ${THROTTLE}/s; ratio ${(wall / floor).toFixed(2)}, target ≤ 1.5)`,
    );
    console.log(`  deployments per second: ${(deployments / wall).toFixed(2)}`);
    console.log(`  AWS calls per deployment: ${(total / deployments).toFixed(2)} (target ≤ 12)`);
    for (const [action, n] of calls)
      console.log(`    ${action.padEnd(40)} ${(n / deployments).toFixed(2)}`);
    console.log(`  worker peak RSS: ${peakRss.toFixed(0)} MB (target ≤ 400)`);
  } finally {
    worker?.kill('SIGTERM');
    await api.close();
    await sandbox.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
