// Creating a release of a tenanted project whose 500 tenants are connected to an automatic dev
// environment: one automatic deployment per tenant, written set-based and queued in BullMQ.
// Run: npm run build && node dist/bench/releases/release-fanout.bench.js
// Needs PostgreSQL and Redis (DATABASE_SERVER, REDIS_URL). Uses a throw-away database
// gantry_bench_<random> and queue prefix, removed afterwards. Prints figures; asserts nothing.
import { BenchApi, startBenchApi } from '../support/bench-api';

const TENANTS = Number(process.env.BENCH_TENANTS ?? 500);
const RELEASES = 5;

const step = {
  containers: [
    { name: 'web', image: 'ghcr.io/acme/web', portMappings: [{ containerPort: 8080 }] },
    { name: 'worker', image: 'ghcr.io/acme/worker', essential: false },
  ],
  task: { cpu: '256', memory: '512' },
  service: {
    desiredCount: 1,
    network: { subnets: ['subnet-0a1b2c3d'], securityGroups: ['sg-0a1b2c3d'] },
  },
};

interface Created {
  version: string;
  deployments: { status: string }[];
}

async function seed(api: BenchApi): Promise<void> {
  await api.call('POST', '/api/environments', { name: 'Dev' });
  await api.call('POST', '/api/environments', { name: 'Prod' });
  await api.call('POST', '/api/lifecycles', {
    name: 'Fan-out',
    phases: [
      { name: 'Development', environments: ['dev'], automatic: ['dev'] },
      { name: 'Production', environments: ['prod'] },
    ],
  });
  await api.call('POST', '/api/projects', {
    name: 'Saas',
    lifecycle: 'fan-out',
    tenancy: 'tenanted',
    targetTags: ['web'],
    step,
  });
  await api.dataSource.query(
    `INSERT INTO targets (slug, name, tags, tenanted_mode, region, cluster, credentials_type) VALUES ('shared', 'Shared', '{web}', 'mixed', 'eu-west-1', 'shared', 'sandbox');
     INSERT INTO target_environments (target_id, environment_id) SELECT t.id, e.id FROM targets t, environments e;
     INSERT INTO tenants (slug, name, tags) SELECT 'tenant-' || n, 'Tenant ' || n, '{tier/gold}' FROM generate_series(1, ${TENANTS}) AS n;
     INSERT INTO tenant_connections (tenant_id, project_id, environment_id) SELECT t.id, p.id, e.id FROM tenants t, projects p, environments e;`,
  );
}

async function main(): Promise<void> {
  const api = await startBenchApi();
  try {
    await seed(api);
    console.log(
      `release fan-out: ${TENANTS} tenants connected to an automatic dev environment, ${RELEASES} releases`,
    );
    const timings: number[] = [];
    for (let index = 1; index <= RELEASES; index += 1) {
      const { body, ms } = await api.call<Created>('POST', '/api/projects/saas/releases', {
        images: { web: `1.0.${index}`, worker: `1.0.${index}` },
      });
      timings.push(ms);
      const queued = body.deployments.filter(
        (d: { status: string }) => d.status === 'queued',
      ).length;
      console.log(
        `  POST /api/projects/saas/releases #${index} (${body.version}): ${ms.toFixed(0)} ms, ${body.deployments.length} deployments (${queued} queued)`,
      );
    }
    const [{ deployments, targets }] = await api.dataSource.query(
      `SELECT (SELECT count(*) FROM deployments)::int AS deployments, (SELECT count(*) FROM deployment_targets)::int AS targets`,
    );
    const jobs = await api.queue.getJobCountByTypes('waiting', 'prioritized', 'delayed', 'active');
    const sorted = [...timings].sort((a, b) => a - b);
    console.log(
      `  median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms, first ${timings[0].toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms`,
    );
    console.log(
      `  rows: ${deployments} deployments, ${targets} deployment targets; BullMQ jobs waiting: ${jobs}`,
    );
  } finally {
    await api.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
