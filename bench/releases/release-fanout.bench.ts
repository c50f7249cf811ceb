// Releases of a tenanted project whose 1,000 tenants are connected to 5 environments: creation
// (with no automatic deployment, and with one automatic deployment per tenant to dev, written
// set-based and queued in BullMQ), then reading the release and pages of its progression.
// Prints p50/p95 and response sizes. Run: npm run bench -- releases (BENCH_TENANTS overrides the
// 1,000). Needs PostgreSQL and Redis (DATABASE_SERVER, REDIS_URL). Uses a throw-away database
// gantry_bench_<random> and queue prefix, removed afterwards. Asserts nothing.
import { BenchApi, startBenchApi } from '../support/bench-api';
import { figuresOf, line, measure } from '../support/figures';

const TENANTS = Number(process.env.BENCH_TENANTS ?? 1000);
const MANUAL_RELEASES = 20;
const AUTOMATIC_RELEASES = 5;
const ENVIRONMENTS = ['Dev', 'Test', 'Staging', 'UAT', 'Prod'];

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
  id: string;
  version: string;
  deployments: { status: string }[];
  /** All the automatic deployments; `deployments` holds the first 25. */
  deploymentsTotal: number;
}

async function seed(api: BenchApi): Promise<void> {
  for (const name of ENVIRONMENTS) await api.call('POST', '/api/environments', { name });
  const phases = (automatic: string[]) =>
    ENVIRONMENTS.map((name) => name.toLowerCase()).map((slug) => ({
      name: slug,
      environments: [slug],
      automatic: automatic.filter((candidate) => candidate === slug),
    }));
  await api.call('POST', '/api/lifecycles', { name: 'Manual', phases: phases([]) });
  await api.call('POST', '/api/lifecycles', { name: 'Fan-out', phases: phases(['dev']) });
  for (const [name, lifecycle] of [
    ['Manual', 'manual'],
    ['Saas', 'fan-out'],
  ])
    await api.call('POST', '/api/projects', {
      name,
      lifecycle,
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

/** `count` releases of the project; figures of the POSTs, and the last release. */
async function createReleases(api: BenchApi, project: string, count: number) {
  const timings: number[] = [];
  let last: Created | undefined;
  let bytes = 0;
  for (let index = 1; index <= count; index += 1) {
    const { body, ms } = await api.call<Created>('POST', `/api/projects/${project}/releases`, {
      images: { web: `1.0.${index}`, worker: `1.0.${index}` },
    });
    timings.push(ms);
    last = body;
    bytes = JSON.stringify(body).length;
  }
  return { figures: figuresOf(timings, bytes), last: last as Created };
}

async function main(): Promise<void> {
  const api = await startBenchApi();
  try {
    await seed(api);
    console.log(
      `releases: ${TENANTS} tenants x ${ENVIRONMENTS.length} environments (${TENANTS * ENVIRONMENTS.length} progression cells a release)`,
    );
    const manual = await createReleases(api, 'manual', MANUAL_RELEASES);
    line(
      `POST /api/projects/:ref/releases, nothing automatic (x${MANUAL_RELEASES})`,
      manual.figures,
    );
    const fanout = await createReleases(api, 'saas', AUTOMATIC_RELEASES);
    line(
      `POST .../releases, ${fanout.last.deploymentsTotal} automatic to dev (x${AUTOMATIC_RELEASES})`,
      fanout.figures,
    );
    // Half the tenants' dev deployments of the last release succeed: every status shows.
    await api.dataSource.query(
      `UPDATE deployments SET status = 'succeeded', finished_at = now()
        WHERE release_id = $1 AND tenant_id IN (SELECT id FROM tenants WHERE right(slug, 1) IN ('0', '2', '4', '6', '8'))`,
      [fanout.last.id],
    );
    const release = `/api/releases/${fanout.last.id}`;
    line('GET /api/releases/:id', await measure(api, release, 50));
    line(
      'GET /api/releases/:id/progression (first page)',
      await measure(api, `${release}/progression`, 50),
    );
    line(
      'GET .../progression?environment=prod&offset=900',
      await measure(api, `${release}/progression?environment=prod&offset=900`, 50),
    );
    line(
      'GET .../progression?environment=test&status=allowed',
      await measure(api, `${release}/progression?environment=test&status=allowed`, 50),
    );
    const [{ deployments, targets }] = await api.dataSource.query(
      `SELECT (SELECT count(*) FROM deployments)::int AS deployments, (SELECT count(*) FROM deployment_targets)::int AS targets`,
    );
    const jobs = await api.queue.getJobCountByTypes('waiting', 'prioritized', 'delayed', 'active');
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
