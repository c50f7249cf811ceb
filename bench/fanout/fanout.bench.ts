// A tenanted project deployed to production for 1,000 tenants on the sandbox (every deployment in
// flight at once: WORKER_CONCURRENCY = tenants), a shared rate limit of 50 AWS calls/s and a
// sandbox throttle of 50 requests/s per action. The sandbox takes about 40 s per stack (IAM role,
// then the service's tasks provisioning, pulling, turning healthy and the steady-state check).
// Prints wall time against the honest floor, where the time went (each deployment's milestones),
// AWS calls per deployment by action (the sandbox's request counter), Redis rate-limiter calls
// per granted AWS call (EVALs on a private redis-server, which nothing else uses), and the
// worker's peak RSS, against the targets of issue 17. Asserts nothing.
// Run: npm run bench -- fanout   (BENCH_TENANTS to change 1000)
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';
import { startPrivateRedis } from '@gantry/testing';
import { startSandbox } from '../../apps/sandbox/src/sandbox-server';
import { startBenchApi, type BenchApi } from '../support/bench-api';
import { seedTenantedFleet, workerEnv } from '../support/tenanted-fleet';

const TENANTS = Number(process.env.BENCH_TENANTS ?? 1000);
const THROTTLE = 50;
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

/** Calls to the rate limiter's script so far: EVALs on the private Redis (BullMQ uses EVALSHA). */
async function limiterCalls(redis: Redis): Promise<number> {
  const stats = await redis.info('commandstats');
  return Number(/cmdstat_eval:calls=(\d+)/.exec(stats)?.[1] ?? 0);
}

/** Calls made before a stack's operation can start, and after it ended (see the floor). */
const BEFORE_DEPLOY = [
  'DescribeClusters',
  'CreateChangeSet',
  'DescribeChangeSet',
  'ExecuteChangeSet',
];
const AFTER_DEPLOY = ['DescribeServices', 'ListTasks', 'DescribeTasks'];

/** CPU seconds a process has used (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

const DEPLOY = 'deploy (executing → stack settled)';

/** Milestones of every deployment, in seconds since the fan-out was requested (from its log). */
async function timeline(api: BenchApi, startedAtMs: number): Promise<Record<string, number[]>> {
  const firstLine = (pattern: string) =>
    `(SELECT extract(epoch FROM min(l.at)) * 1000 FROM deployment_log l WHERE l.deployment_id = d.id AND l.message LIKE '${pattern}')`;
  const rows: Record<string, number | null>[] = await api.dataSource.query(
    `SELECT extract(epoch FROM d.created_at) * 1000 AS queued,
            extract(epoch FROM d.started_at) * 1000 AS claimed,
            ${firstLine('%Rendered the template%')} AS rendered,
            ${firstLine('%Created % change set%')} AS "change set",
            ${firstLine('%Executing change set%')} AS executing,
            ${firstLine('%AWS::CloudFormation::Stack %\\_COMPLETE')} AS "stack settled",
            extract(epoch FROM d.finished_at) * 1000 AS finished
       FROM deployments d`,
  );
  const milestones: Record<string, number[]> = {};
  for (const row of rows)
    for (const [name, at] of Object.entries(row))
      if (at !== null) (milestones[name] ??= []).push((Number(at) - startedAtMs) / 1000);
  const gaps = (name: string, from: string, to: string) =>
    (milestones[name] = rows
      .filter((row) => row[from] !== null && row[to] !== null)
      .map((row) => (Number(row[to]) - Number(row[from])) / 1000));
  gaps(DEPLOY, 'executing', 'stack settled');
  gaps('finish (stack settled → finished)', 'stack settled', 'finished');
  return milestones;
}

function percentiles(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `min ${sorted[0].toFixed(1)}  p50 ${at(0.5).toFixed(1)}  p95 ${at(0.95).toFixed(1)}  max ${sorted[sorted.length - 1].toFixed(1)} s`;
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({ port: 0, timeScale: 1, throttlePerSecond: THROTTLE });
  const privateRedis = await startPrivateRedis();
  const redis = new Redis(privateRedis.url);
  const env = {
    REDIS_URL: privateRedis.url,
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

    const evalsBefore = await limiterCalls(redis);
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
      `fan-out: ${TENANTS} tenants to production, sandbox throttle ${THROTTLE} requests/s per action, shared rate limit ${THROTTLE} calls/s`,
    );
    const started = performance.now();
    const startedAtMs = Date.now();
    const benchCpu = process.cpuUsage();
    const requested = await api.call<{ items: unknown[] }>(
      'POST',
      `/api/releases/${release.body.id}/deployments`,
      { environment: 'production', tenantTags: ['tier/gold'] },
    );
    // Rate-limiter grants (EVALs) every second: whether the shared rate was used all along.
    const grants: number[] = [];
    const grantSampler = setInterval(
      () => void limiterCalls(redis).then((n) => grants.push(n - evalsBefore)),
      1000,
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
    const workerCpu = cpuSeconds(worker.pid as number);
    const ownCpu = process.cpuUsage(benchCpu);
    const [load] = readFileSync('/proc/loadavg', 'utf8').split(' ');
    clearInterval(sampler);
    clearInterval(grantSampler);
    const evals = (await limiterCalls(redis)) - evalsBefore;
    const after = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as {
      requestCounts: Record<string, number>;
    };
    const deployments = requested.body.items.length;
    const calls = Object.entries(after.requestCounts)
      .map(([action, n]) => [action, n - (before.requestCounts[action] ?? 0)] as const)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1]);
    const sum = (actions?: string[]) =>
      calls
        .filter(([action]) => !actions || actions.includes(action.split(':')[1]))
        .reduce((total, [, n]) => total + n, 0);
    const total = sum();
    // The honest floor: the calls cannot go faster than the rate, no deployment is quicker than
    // its deploy, and whichever of the two bounds the run, one tail cannot overlap it: the calls
    // every deployment makes before its stack operation can start (the last operation starts
    // after all of them, then takes the deploy time), or those made after it ended (all after the
    // first deploy time). Calls that may fall either side (DescribeStacks, DescribeStackEvents)
    // count in neither tail, so this stays a lower bound.
    // The deploy time is the sandbox's own, measured: the shortest time from a change set's
    // execution (logged once ExecuteChangeSet answered) to its stack's settling event.
    const milestones = await timeline(api, startedAtMs);
    const deploySeconds = Math.min(...milestones[DEPLOY]);
    const byRate = total / THROTTLE;
    const head = Math.max(deploySeconds, byRate);
    const floor = Math.max(
      byRate,
      deploySeconds + sum(BEFORE_DEPLOY) / THROTTLE,
      deploySeconds + sum(AFTER_DEPLOY) / THROTTLE,
    );
    console.log(
      `  one POST requested ${deployments} deployments in ${(requested.ms / 1000).toFixed(1)} s`,
    );
    console.log(
      `  deployments: ${deployments} (${counts.map((row) => `${row.status} ${row.n}`).join(', ')})`,
    );
    console.log(
      `  wall time: ${wall.toFixed(1)} s; honest floor ${floor.toFixed(1)} s = max(deploy ${deploySeconds.toFixed(1)} s, ${total} calls ÷ ${THROTTLE}/s = ${byRate.toFixed(1)} s) + slower tail ${(floor - head).toFixed(1)} s (calls before a deploy ÷ rate ${(sum(BEFORE_DEPLOY) / THROTTLE).toFixed(1)} s, after ${(sum(AFTER_DEPLOY) / THROTTLE).toFixed(1)} s)`,
    );
    console.log(`  wall / floor: ${(wall / floor).toFixed(2)} (target ≤ 1.1)`);
    console.log(`  deployments per second: ${(deployments / wall).toFixed(2)}`);
    console.log(`  AWS calls per deployment: ${(total / deployments).toFixed(2)} (target ≤ 8)`);
    for (const [action, n] of calls)
      console.log(`    ${action.padEnd(40)} ${(n / deployments).toFixed(2)}`);
    console.log(
      `  rate-limiter calls per granted AWS call: ${(evals / total).toFixed(2)} (${evals} EVALs for ${total} calls; target ≤ 3)`,
    );
    console.log('  where the time goes (seconds since the fan-out was requested, and durations):');
    for (const [name, values] of Object.entries(milestones))
      if (values.length) console.log(`    ${name.padEnd(36)} ${percentiles(values)}`);
    const perTen = grants
      .filter((_, i) => i % 10 === 9)
      .map((n, i, all) => ((n - (i ? all[i - 1] : 0)) / 10).toFixed(0));
    console.log(`    AWS calls granted per second, by 10 s: ${perTen.join(' ')}`);
    console.log(`  worker peak RSS: ${peakRss.toFixed(0)} MB (target ≤ 300)`);
    console.log(
      `  CPU: worker ${workerCpu.toFixed(0)} s (${((workerCpu * 1000) / deployments).toFixed(0)} ms per deployment), API + sandbox ${((ownCpu.user + ownCpu.system) / 1e6).toFixed(0)} s; load average ${load} at the end (2 cores)`,
    );
  } finally {
    worker?.kill('SIGTERM');
    await api.close();
    await sandbox.close();
    redis.disconnect();
    await privateRedis.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
