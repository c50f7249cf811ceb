import type { DataSource } from 'typeorm';

export interface TenantMatrix {
  /** A tenanted project that exists already, with every environment created. */
  projectSlug: string;
  tenants: number;
  /** Releases of the project, `1.0.0` upwards (at least 2). */
  releases?: number;
}

/** The name of tenant `n` (1-based) of a matrix of `total`: padded, so names sort by number. */
export function matrixTenantName(n: number, total: number): string {
  return `Tenant ${String(n).padStart(String(total).length, '0')}`;
}

/**
 * Tenants `Tenant 0001`… connected to the project in every environment, tagged `tier/gold` (one in
 * ten) or `tier/silver` and `region/eu` or `region/us`, with two deployments per stack: an older
 * release that succeeded, then a newer one that succeeded, failed (1 in 17), is running (1 in 23)
 * or queued (1 in 29); earlier environments run newer releases. Loaded with SQL and the triggers
 * off, then the per-stack rows are rebuilt: the tenants view is what is measured, not the writes.
 */
export async function seedTenantMatrix(
  dataSource: DataSource,
  matrix: TenantMatrix,
): Promise<void> {
  const releases = Math.max(2, matrix.releases ?? 5);
  const width = String(matrix.tenants).length;
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SET session_replication_role = replica`);
    const [project] = await runner.query(`SELECT id FROM projects WHERE slug = $1`, [
      matrix.projectSlug,
    ]);
    await runner.query(
      `INSERT INTO tenants (slug, name, tags)
       SELECT 'tenant-' || lpad(n::text, $2, '0'), 'Tenant ' || lpad(n::text, $2, '0'),
              ARRAY['tier/' || CASE WHEN n % 10 = 0 THEN 'gold' ELSE 'silver' END,
                    'region/' || CASE WHEN n % 2 = 0 THEN 'eu' ELSE 'us' END]
         FROM generate_series(1, $1::int) AS n`,
      [matrix.tenants, width],
    );
    await runner.query(
      `INSERT INTO tenant_connections (tenant_id, project_id, environment_id)
       SELECT t.id, $1, e.id FROM tenants t, environments e WHERE t.slug LIKE 'tenant-%'`,
      [project.id],
    );
    await runner.query(
      `INSERT INTO releases (project_id, channel_id, version, images, steps, created_at)
       SELECT p.id, c.id, '1.0.' || n, jsonb_build_object((p.steps->0->>'slug') || '/web', '1.0.' || n), p.steps,
              now() - interval '1 day' + n * interval '1 minute'
         FROM projects p JOIN channels c ON c.project_id = p.id AND c.is_default, generate_series(0, $2::int - 1) AS n
        WHERE p.id = $1`,
      [project.id, releases],
    );
    // Per stack: the release before its environment's latest (succeeded), then the latest.
    await runner.query(
      `WITH envs AS (SELECT id, (row_number() OVER (ORDER BY position) - 1)::int AS k FROM environments),
       stacks AS (
         SELECT row_number() OVER (ORDER BY t.name, e.k) AS n, t.id AS tenant_id, e.id AS environment_id,
                GREATEST(1, $2::int - 1 - e.k) AS latest
           FROM tenants t, envs e WHERE t.slug LIKE 'tenant-%'
       ),
       attempts AS (
         SELECT s.*, a.i, CASE WHEN a.i = 0 THEN s.latest - 1 ELSE s.latest END AS release_n,
                CASE WHEN a.i = 0 THEN 'succeeded' WHEN s.n % 17 = 0 THEN 'failed' WHEN s.n % 23 = 0 THEN 'running'
                     WHEN s.n % 29 = 0 THEN 'queued' ELSE 'succeeded' END AS status
           FROM stacks s CROSS JOIN (VALUES (0), (1)) AS a(i)
       )
       INSERT INTO deployments (release_id, project_id, environment_id, tenant_id, stack_key, status, created_by,
                                created_at, started_at, finished_at)
       SELECT r.id, $1, a.environment_id, a.tenant_id, $1 || ':' || a.environment_id || ':' || a.tenant_id, a.status, 'seed',
              now() - interval '2 hours' + a.i * interval '1 hour',
              CASE WHEN a.status <> 'queued' THEN now() - interval '2 hours' + a.i * interval '1 hour' END,
              CASE WHEN a.status IN ('succeeded', 'failed') THEN now() - interval '2 hours' + a.i * interval '1 hour' + interval '90 seconds' END
         FROM attempts a JOIN releases r ON r.project_id = $1 AND r.version = '1.0.' || a.release_n
        ORDER BY a.i, a.n`,
      [project.id, releases],
    );
    await runner.query(`SET session_replication_role = DEFAULT`);
    await runner.query(`SELECT rebuild_stack_deployments()`);
    await runner.query(`ANALYZE`);
  } finally {
    await runner.release();
  }
}
