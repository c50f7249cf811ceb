// The read paths at the scale of real history: 100 projects (20 of them tenanted) in 5
// environments, 1,000 tenants connected to every tenanted project everywhere (100,400 stacks),
// and 1,000,000 deployments seeded with generate_series. Prints p50/p95 of the dashboard (at
// 10,000 deployments first, for comparison), of deployment list pages, of a 1,000-tenant release
// (GET and POST, with response sizes) and of the tenant list.
// Run: npm run bench -- history   (BENCH_DEPLOYMENTS overrides the 1,000,000;
// BENCH_KEEP_DATABASE=1 leaves the database for EXPLAIN)
// Needs PostgreSQL and Redis. Uses a throw-away database, removed afterwards. Asserts nothing.
import { BenchApi, startBenchApi } from '../support/bench-api';
import { line, measure, percentile } from '../support/figures';

const DEPLOYMENTS = Number(process.env.BENCH_DEPLOYMENTS ?? 1_000_000);
const FIRST = 10_000;
const PROJECTS = 100;
const TENANTED = 20;
const TENANTS = 1000;
const RELEASES_PER_PROJECT = 10;
const VIEWERS = 4;

const step = {
  containers: [{ name: 'web', image: 'ghcr.io/acme/web', portMappings: [{ containerPort: 8080 }] }],
  task: { cpu: '256', memory: '512' },
  service: {
    desiredCount: 1,
    network: { subnets: ['subnet-0123abcd'], securityGroups: ['sg-0123abcd'] },
  },
};

async function seedConfiguration(api: BenchApi): Promise<void> {
  // 100,000 connections in one statement would update each cell's count a thousand times in one
  // transaction; loaded with triggers off, the cells are counted by rebuild_stack_deployments().
  const runner = api.dataSource.createQueryRunner();
  await runner.connect();
  await runner.query(`SET session_replication_role = replica`);
  for (const name of ['Dev', 'Test', 'Staging', 'UAT', 'Prod'])
    await api.call('POST', '/api/environments', { name });
  for (let index = 1; index <= PROJECTS; index += 1) {
    await api.call('POST', '/api/projects', {
      name: `Project ${String(index).padStart(3, '0')}`,
      tenancy: index <= TENANTED ? 'tenanted' : 'untenanted',
      targetTags: ['web'],
      step,
    });
  }
  await api.dataSource.query(`
    INSERT INTO targets (slug, name, tags, tenanted_mode, region, cluster, credentials_type) VALUES ('shared', 'Shared', '{web}', 'mixed', 'eu-west-1', 'shared', 'sandbox');
    INSERT INTO target_environments (target_id, environment_id) SELECT t.id, e.id FROM targets t, environments e;
    INSERT INTO tenants (slug, name, tags)
      SELECT 'tenant-' || n, 'Tenant ' || lpad(n::text, 4, '0'), ARRAY['tier/' || CASE WHEN n % 10 = 0 THEN 'gold' ELSE 'silver' END]
        FROM generate_series(1, ${TENANTS}) AS n;
    INSERT INTO releases (project_id, channel_id, version, images, steps)
      SELECT p.id, c.id, '1.0.' || n, jsonb_build_object((p.steps->0->>'slug') || '/web', '1.0.' || n), p.steps
        FROM projects p JOIN channels c ON c.project_id = p.id, generate_series(1, ${RELEASES_PER_PROJECT}) AS n;
    -- The first 500 stacks are one per dashboard cell (the untenanted ones, and tenant-1's), so
    -- the first 10,000 deployments fill every cell and both dashboard figures show 500 cells.
    CREATE TABLE bench_stacks AS
      SELECT (row_number() OVER (ORDER BY (t.slug IS NOT NULL AND t.slug <> 'tenant-1'), p.slug, e.position, t.slug) - 1)::int AS i,
             p.id AS project_id, e.id AS environment_id, t.id AS tenant_id
        FROM projects p CROSS JOIN environments e LEFT JOIN tenants t ON p.tenancy = 'tenanted';
    CREATE UNIQUE INDEX ON bench_stacks (i);
    CREATE TABLE bench_releases AS
      SELECT project_id, (row_number() OVER (PARTITION BY project_id ORDER BY created_at, version) - 1)::int AS i, id
        FROM releases;
    CREATE UNIQUE INDEX ON bench_releases (project_id, i);`);
  await runner.query(
    `INSERT INTO tenant_connections (tenant_id, project_id, environment_id)
     SELECT t.id, p.id, e.id FROM tenants t, projects p, environments e WHERE p.tenancy = 'tenanted'`,
  );
  await runner.query(`SET session_replication_role = DEFAULT`);
  await runner.release();
}

/**
 * Deployments number `from` to `to` - 1, oldest first, round-robin over every stack (each stack
 * deploys its project's releases in turn): 9 in 10 succeed, the rest fail or are cancelled.
 * Triggers are off for the bulk load; the stack tables are rebuilt afterwards.
 */
async function seedDeployments(api: BenchApi, from: number, to: number): Promise<number> {
  const started = performance.now();
  const runner = api.dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SET session_replication_role = replica`);
    const [{ before }] = await runner.query(
      `SELECT COALESCE(max(seq), 0)::text AS before FROM deployments`,
    );
    await runner.query(`
      WITH numbered AS (
        SELECT n, s.project_id, s.environment_id, s.tenant_id, r.id AS release_id,
               now() - interval '400 days' + n * interval '30 seconds' AS at
          FROM generate_series(${from}, ${to - 1}) AS n
          JOIN bench_stacks s ON s.i = n % (SELECT count(*) FROM bench_stacks)
          JOIN bench_releases r ON r.project_id = s.project_id
           AND r.i = (n / (SELECT count(*) FROM bench_stacks)) % ${RELEASES_PER_PROJECT}
      )
      INSERT INTO deployments (release_id, project_id, environment_id, tenant_id, stack_key, status, created_by,
                               created_at, started_at, finished_at)
      SELECT release_id, project_id, environment_id, tenant_id,
             project_id || ':' || environment_id || ':' || COALESCE(tenant_id::text, 'untenanted'),
             CASE WHEN n % 20 = 7 THEN 'failed' WHEN n % 50 = 3 THEN 'cancelled' ELSE 'succeeded' END,
             'bench', at, at + interval '1 second', at + interval '90 seconds'
        FROM numbered ORDER BY n`);
    await runner.query(
      `INSERT INTO deployment_targets (deployment_id, step_slug, target_id, stack_name, status)
       SELECT d.id, p.steps->0->>'slug', t.id, 'gantry-' || d.seq, 'succeeded'
         FROM deployments d JOIN projects p ON p.id = d.project_id, targets t WHERE d.seq > $1`,
      [before],
    );
    await runner.query(`SET session_replication_role = DEFAULT`);
    await runner.query(`SELECT rebuild_stack_deployments()`);
    await runner.query(`VACUUM ANALYZE`);
    // Flush what the seed dirtied now, as part of seeding, not in the background of the first figures.
    await runner.query(`CHECKPOINT`);
  } finally {
    await runner.release();
  }
  return performance.now() - started;
}

async function main(): Promise<void> {
  const api = await startBenchApi();
  try {
    await seedConfiguration(api);
    const [{ stacks }] = await api.dataSource.query(
      `SELECT count(*)::int AS stacks FROM bench_stacks`,
    );
    console.log(
      `history: ${PROJECTS} projects (${TENANTED} tenanted) x 5 environments, ${TENANTS} tenants, ${stacks} stacks`,
    );
    const firstMs = await seedDeployments(api, 0, FIRST);
    console.log(`  seeded ${FIRST} deployments in ${(firstMs / 1000).toFixed(1)} s`);
    line(
      `GET /api/dashboard at ${FIRST} deployments (1 viewer)`,
      await measure(api, '/api/dashboard', 200),
    );
    const small = await measure(api, '/api/dashboard', 100, VIEWERS);
    line(`GET /api/dashboard at ${FIRST} deployments (${VIEWERS} viewers)`, small);

    const restMs = await seedDeployments(api, FIRST, DEPLOYMENTS);
    console.log(`  seeded up to ${DEPLOYMENTS} deployments in ${(restMs / 1000).toFixed(1)} s`);
    line(
      `GET /api/dashboard at ${DEPLOYMENTS} deployments (1 viewer)`,
      await measure(api, '/api/dashboard', 200),
    );
    const large = await measure(api, '/api/dashboard', 100, VIEWERS);
    line(`GET /api/dashboard at ${DEPLOYMENTS} deployments (${VIEWERS} viewers)`, large);
    console.log(`    p95 ratio to ${FIRST} deployments: ${(large.p95 / small.p95).toFixed(2)}x`);
    line(
      'GET /api/dashboard?tenantTag=tier/gold',
      await measure(api, '/api/dashboard?tenantTag=tier/gold', 50),
    );

    const [ids] = await api.dataSource.query(
      `SELECT (SELECT id FROM projects WHERE tenancy = 'tenanted' ORDER BY slug LIMIT 1) AS tenanted,
              (SELECT id FROM projects WHERE tenancy = 'untenanted' ORDER BY slug LIMIT 1) AS untenanted,
              (SELECT id FROM tenants ORDER BY slug LIMIT 1) AS tenant,
              (SELECT id FROM environments ORDER BY position DESC LIMIT 1) AS prod`,
    );
    for (const [label, query] of [
      ['no filter', ''],
      ['project (tenanted)', `&project=${ids.tenanted}`],
      ['project (untenanted)', `&project=${ids.untenanted}`],
      ['tenant', `&tenant=${ids.tenant}`],
      ['environment + status=failed', `&environment=${ids.prod}&status=failed`],
      ['status=cancelled', `&status=cancelled`],
    ])
      line(
        `GET /api/deployments?limit=50 ${label}`,
        await measure(api, `/api/deployments?limit=50${query}`, 100),
      );
    let cursor: string | null = null;
    const pages: number[] = [];
    let pageBytes = 0;
    for (let page = 0; page < 100; page += 1) {
      const { body, ms }: { body: { next: string | null }; ms: number } = await api.call(
        'GET',
        `/api/deployments?limit=50${cursor ? `&after=${cursor}` : ''}`,
      );
      pages.push(ms);
      pageBytes = JSON.stringify(body).length;
      cursor = body.next;
    }
    const sortedPages = pages.sort((a, b) => a - b);
    line('GET /api/deployments?limit=50&after= (100 pages in a row)', {
      p50: percentile(sortedPages, 50),
      p95: percentile(sortedPages, 95),
      bytes: pageBytes,
    });
    line(
      'GET /api/deployments?limit=50&count=true (asked for total)',
      await measure(api, '/api/deployments?limit=50&count=true', 20),
    );

    const creations: number[] = [];
    let created: { id: string } = { id: '' };
    let createdBytes = 0;
    for (let index = 1; index <= 20; index += 1) {
      const { body, ms } = await api.call<{ id: string }>(
        'POST',
        `/api/projects/${ids.tenanted}/releases`,
        { version: `2.0.${index}`, images: { web: `2.0.${index}` } },
      );
      creations.push(ms);
      created = body;
      createdBytes = JSON.stringify(body).length;
    }
    const sortedCreations = creations.sort((a, b) => a - b);
    line(`POST /api/projects/:ref/releases (${TENANTS} tenants x 5 environments)`, {
      p50: percentile(sortedCreations, 50),
      p95: percentile(sortedCreations, 95),
      bytes: createdBytes,
    });
    line(
      `GET /api/releases/:id (${TENANTS} tenants)`,
      await measure(api, `/api/releases/${created.id}`, 50),
    );
    line(
      'GET /api/releases/:id/progression?environment=prod',
      await measure(api, `/api/releases/${created.id}/progression?environment=prod`, 50),
    );
    line('GET /api/tenants?limit=50', await measure(api, '/api/tenants?limit=50', 50));
    line(
      'GET /api/tenants?limit=50&include=connections',
      await measure(api, '/api/tenants?limit=50&include=connections', 20),
    );
  } finally {
    await api.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
