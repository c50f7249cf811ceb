import { ApiHarness, startApi } from '../support/api-harness';
import { sampleStep } from '../support/fixtures';

const images = { web: '1.0.0', worker: '1.0.0' };

describe('dashboard API', () => {
  let api: ApiHarness;
  const sql = (query: string, parameters: unknown[] = []) =>
    api.db.dataSource.query(query, parameters);
  const finish = (id: string, status: string) =>
    sql(`UPDATE deployments SET status = $2, finished_at = now() WHERE id = $1`, [id, status]);

  beforeAll(async () => {
    api = await startApi('dashboard');
    for (const name of ['Dev', 'Test']) await api.post('/api/environments', { name }).expect(201);
    await api
      .post('/api/lifecycles', {
        name: 'Auto',
        phases: [
          { name: 'Development', environments: ['dev'], automatic: ['dev'] },
          { name: 'Testing', environments: ['test'] },
        ],
      })
      .expect(201);
    await api
      .post('/api/projects', {
        name: 'Shop',
        lifecycle: 'auto',
        targetTags: ['web'],
        step: sampleStep(),
      })
      .expect(201);
    await api
      .post('/api/projects', {
        name: 'Saas',
        lifecycle: 'auto',
        tenancy: 'tenanted',
        targetTags: ['web'],
        step: sampleStep(),
      })
      .expect(201);
    await api
      .post('/api/projects', { name: 'Idle', targetTags: ['web'], step: sampleStep() })
      .expect(201);
    await sql(`
      INSERT INTO targets (slug, name, tags, tenanted_mode, region, cluster, credentials_type) VALUES ('shared', 'Shared', '{web}', 'mixed', 'eu-west-1', 'shared', 'sandbox');
      INSERT INTO target_environments (target_id, environment_id) SELECT t.id, e.id FROM targets t, environments e;
      INSERT INTO tenants (slug, name) VALUES ('acme', 'Acme'), ('globex', 'Globex'), ('initech', 'Initech');
      INSERT INTO tenant_connections (tenant_id, project_id, environment_id)
        SELECT t.id, p.id, e.id FROM tenants t, projects p, environments e WHERE p.slug = 'saas' AND e.slug = 'dev';`);
  });
  afterAll(() => api.close());

  it('shows per project and environment the latest attempt, the live release, and tenant counts out of every connected tenant', async () => {
    const first = (
      await api.post('/api/projects/shop/releases', { images, version: '1.0.0' }).expect(201)
    ).body;
    await finish(first.deployments[0].id, 'succeeded');
    const second = (
      await api.post('/api/projects/shop/releases', { images, version: '1.1.0' }).expect(201)
    ).body;
    await finish(second.deployments[0].id, 'failed');
    const saas = (
      await api.post('/api/projects/saas/releases', { images, version: '2.0.0' }).expect(201)
    ).body;
    const bySlug = Object.fromEntries(
      saas.deployments.map((d: { tenant: { slug: string }; id: string }) => [d.tenant.slug, d.id]),
    );
    await finish(bySlug.acme, 'succeeded');
    await finish(bySlug.globex, 'failed');

    const { body } = await api.get('/api/dashboard').expect(200);
    expect(body.environments.map((e: { slug: string }) => e.slug)).toEqual(['dev', 'test']);
    expect(body.total).toBe(3);
    expect(project(body, 'shop').cells).toEqual([
      {
        environment: { id: expect.any(String), slug: 'dev' },
        release: { id: second.id, version: '1.1.0' },
        status: 'failed',
        finishedAt: expect.any(String),
        deploymentId: second.deployments[0].id,
        live: {
          deploymentId: first.deployments[0].id,
          release: { id: first.id, version: '1.0.0' },
          finishedAt: expect.any(String),
        },
      },
    ]);
    expect(project(body, 'saas').cells).toEqual([
      expect.objectContaining({
        environment: expect.objectContaining({ slug: 'dev' }),
        release: { id: saas.id, version: '2.0.0' },
        live: expect.objectContaining({ release: { id: saas.id, version: '2.0.0' } }),
        tenants: {
          succeeded: 1,
          failed: 1,
          total: 3,
          live: 1,
          queued: 1,
          running: 0,
          waiting: 0,
          cancelled: 0,
        },
      }),
    ]);
    expect(project(body, 'idle').cells).toEqual([]);
  });

  it('after a failed and a cancelled deployment shows the live release next to the cancelled attempt', async () => {
    const third = (
      await api.post('/api/projects/shop/releases', { images, version: '1.2.0' }).expect(201)
    ).body;
    await api.post(`/api/deployments/${third.deployments[0].id}/cancel`).expect(202);
    const { body } = await api.get('/api/dashboard?project=shop').expect(200);
    expect(body.projects).toHaveLength(1);
    expect(project(body, 'shop').cells).toEqual([
      expect.objectContaining({
        release: { id: third.id, version: '1.2.0' },
        status: 'cancelled',
        live: expect.objectContaining({ release: expect.objectContaining({ version: '1.0.0' }) }),
      }),
    ]);
  });

  it('counts a tenant connected later, and narrows to the tenants carrying a tag', async () => {
    await sql(`
      INSERT INTO tenants (slug, name, tags) VALUES ('hooli', 'Hooli', '{tier/gold}');
      UPDATE tenants SET tags = '{tier/gold}' WHERE slug = 'acme';
      INSERT INTO tenant_connections (tenant_id, project_id, environment_id)
        SELECT t.id, p.id, e.id FROM tenants t, projects p, environments e WHERE t.slug = 'hooli' AND p.slug = 'saas' AND e.slug = 'dev';`);
    const all = (await api.get('/api/dashboard?project=saas').expect(200)).body;
    expect(project(all, 'saas').cells[0].tenants).toMatchObject({ succeeded: 1, total: 4 });
    const gold = (await api.get('/api/dashboard?project=saas&tenantTag=tier/gold').expect(200))
      .body;
    expect(project(gold, 'saas').cells).toEqual([
      expect.objectContaining({
        status: 'succeeded',
        tenants: {
          succeeded: 1,
          failed: 0,
          total: 2,
          live: 1,
          queued: 0,
          running: 0,
          waiting: 0,
          cancelled: 0,
        },
      }),
    ]);
    const silver = (await api.get('/api/dashboard?tenantTag=tier/silver').expect(200)).body;
    expect(project(silver, 'saas').cells).toEqual([]);
  });

  it('filters by environment and pages projects by name', async () => {
    const test = (await api.get('/api/dashboard?environment=test').expect(200)).body;
    expect(test.environments.map((e: { slug: string }) => e.slug)).toEqual(['test']);
    expect(project(test, 'shop').cells).toEqual([]);
    const page = (await api.get('/api/dashboard?limit=1&offset=1').expect(200)).body;
    expect(page.total).toBe(3);
    expect(page.projects.map((p: { project: { slug: string } }) => p.project.slug)).toEqual([
      'saas',
    ]);
    await api.get('/api/dashboard?project=nope').expect(404);
    const bad = await api.get('/api/dashboard?limit=0&tenantTag=gold').expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'limit',
      'tenantTag',
    ]);
  });

  it('follows a fan-out inserted and finished in single statements, as a rebuild counts it', async () => {
    await api
      .post('/api/projects', {
        name: 'Fleet',
        lifecycle: 'auto',
        tenancy: 'tenanted',
        targetTags: ['web'],
        step: sampleStep(),
      })
      .expect(201);
    await sql(`
      INSERT INTO tenants (slug, name) SELECT 'fleet-' || n, 'Fleet ' || lpad(n::text, 3, '0') FROM generate_series(1, 200) AS n;
      INSERT INTO tenant_connections (tenant_id, project_id, environment_id)
        SELECT t.id, p.id, e.id FROM tenants t, projects p, environments e
         WHERE p.slug = 'fleet' AND e.slug = 'dev' AND t.slug LIKE 'fleet-%';`);
    const cell = async () =>
      (
        await sql(
          `SELECT c.* FROM dashboard_cells c JOIN projects p ON p.id = c.project_id
             JOIN environments e ON e.id = c.environment_id WHERE p.slug = 'fleet' AND e.slug = 'dev'`,
        )
      )[0];
    const first = (
      await api.post('/api/projects/fleet/releases', { images, version: '1.0.0' }).expect(201)
    ).body;
    expect(first.deploymentsTotal).toBe(200);
    // One statement: half the tenants succeed, a quarter fail, a quarter still run.
    await sql(
      `UPDATE deployments d SET status = CASE WHEN n % 4 < 2 THEN 'succeeded' WHEN n % 4 = 2 THEN 'failed' ELSE 'running' END,
              finished_at = CASE WHEN n % 4 < 3 THEN now() END
         FROM (SELECT id, row_number() OVER (ORDER BY seq) AS n FROM deployments WHERE release_id = $1) numbered
        WHERE d.id = numbered.id`,
      [first.id],
    );
    expect(await cell()).toMatchObject({
      tenants_connected: 200,
      tenants_live: 100,
      tenants_succeeded: 100,
      tenants_failed: 50,
      tenants_running: 50,
      tenants_queued: 0,
    });
    const second = (
      await api.post('/api/projects/fleet/releases', { images, version: '1.1.0' }).expect(201)
    ).body;
    await sql(
      `UPDATE deployments SET status = 'cancelled', finished_at = now()
        WHERE id IN (SELECT id FROM deployments WHERE release_id = $1 ORDER BY seq LIMIT 20)`,
      [second.id],
    );
    const after = await cell();
    expect(after).toMatchObject({
      tenants_live: 100,
      tenants_queued: 180,
      tenants_cancelled: 20,
      tenants_succeeded: 0,
      count_queued: '180',
      count_running: '50',
      count_succeeded: '100',
      count_failed: '50',
      count_cancelled: '20',
    });
    const latestSeq = await sql(`SELECT max(seq) AS seq FROM deployments WHERE release_id = $1`, [
      second.id,
    ]);
    expect(after.latest_seq).toBe(latestSeq[0].seq);
    const stacks = await sql(`SELECT * FROM stack_deployments ORDER BY stack_key`);
    const cells = await sql(`SELECT * FROM dashboard_cells ORDER BY project_id, environment_id`);
    await sql(`SELECT rebuild_stack_deployments()`);
    expect(await sql(`SELECT * FROM stack_deployments ORDER BY stack_key`)).toEqual(stacks);
    expect(await sql(`SELECT * FROM dashboard_cells ORDER BY project_id, environment_id`)).toEqual(
      cells,
    );
  });

  it('after successes, failures and cancels in one statement shows every cell as recomputed from the deployments', async () => {
    await api
      .post('/api/projects', {
        name: 'Batch',
        lifecycle: 'auto',
        tenancy: 'tenanted',
        targetTags: ['web'],
        step: sampleStep(),
      })
      .expect(201);
    await sql(`
      INSERT INTO tenants (slug, name) SELECT 'batch-' || n, 'Batch ' || lpad(n::text, 2, '0') FROM generate_series(1, 30) AS n;
      INSERT INTO tenant_connections (tenant_id, project_id, environment_id)
        SELECT t.id, p.id, e.id FROM tenants t, projects p, environments e
         WHERE p.slug = 'batch' AND e.slug = 'dev' AND t.slug LIKE 'batch-%';`);
    const settleInOneStatement = (releaseId: string) =>
      sql(
        `UPDATE deployments d SET status = CASE n % 3 WHEN 0 THEN 'cancelled' WHEN 1 THEN 'succeeded' ELSE 'failed' END,
                finished_at = now()
           FROM (SELECT id, row_number() OVER (ORDER BY seq) AS n FROM deployments WHERE release_id = $1) numbered
          WHERE d.id = numbered.id`,
        [releaseId],
      );
    for (const version of ['1.0.0', '1.1.0']) {
      const release = (
        await api.post('/api/projects/batch/releases', { images, version }).expect(201)
      ).body;
      await settleInOneStatement(release.id);
    }
    // The latest attempt per cell, and the deployment that succeeded last, from the whole history.
    const recomputed = await sql(`
      SELECT p.slug AS project, e.slug AS environment, l.id AS "deploymentId", l.status,
             l.finished_at AS "finishedAt", lr.id AS "releaseId", lr.version,
             v.id AS "liveId", vr.id AS "liveReleaseId", vr.version AS "liveVersion"
        FROM (SELECT DISTINCT ON (project_id, environment_id) * FROM deployments
               ORDER BY project_id, environment_id, seq DESC) l
        JOIN projects p ON p.id = l.project_id JOIN environments e ON e.id = l.environment_id
        JOIN releases lr ON lr.id = l.release_id
        LEFT JOIN (SELECT DISTINCT ON (project_id, environment_id) * FROM deployments WHERE status = 'succeeded'
                    ORDER BY project_id, environment_id, finished_at DESC NULLS LAST, seq DESC) v
          ON v.project_id = l.project_id AND v.environment_id = l.environment_id
        LEFT JOIN releases vr ON vr.id = v.release_id
       ORDER BY p.slug, e.slug`);
    const { body } = await api.get('/api/dashboard').expect(200);
    const shown = (body as FullDashboard).projects.flatMap(({ project: { slug }, cells }) =>
      cells.map((cell) => ({
        project: slug,
        environment: cell.environment.slug,
        deploymentId: cell.deploymentId,
        status: cell.status,
        finishedAt: cell.finishedAt === null ? null : new Date(cell.finishedAt).getTime(),
        releaseId: cell.release.id,
        version: cell.release.version,
        liveId: cell.live?.deploymentId ?? null,
        liveReleaseId: cell.live?.release.id ?? null,
        liveVersion: cell.live?.release.version ?? null,
      })),
    );
    expect(shown.some((cell) => cell.project === 'batch' && cell.status === 'cancelled')).toBe(
      true,
    );
    const byCell = (a: { project: string; environment: string }, b: typeof a) =>
      `${a.project}/${a.environment}`.localeCompare(`${b.project}/${b.environment}`);
    expect(shown.sort(byCell)).toEqual(
      recomputed
        .map((row: { finishedAt: Date | null }) => ({
          ...row,
          finishedAt: row.finishedAt === null ? null : row.finishedAt.getTime(),
        }))
        .sort(byCell),
    );
  });

  it('keeps its cells equal to a rebuild from the whole history', async () => {
    const maintained = await sql(
      `SELECT * FROM dashboard_cells ORDER BY project_id, environment_id`,
    );
    const stacks = await sql(`SELECT * FROM stack_deployments ORDER BY stack_key`);
    await sql(`SELECT rebuild_stack_deployments()`);
    expect(await sql(`SELECT * FROM stack_deployments ORDER BY stack_key`)).toEqual(stacks);
    const rebuilt = await sql(`SELECT * FROM dashboard_cells ORDER BY project_id, environment_id`);
    // The live deployment of a cell is the one that succeeded last; a rebuild orders by finish time.
    expect(rebuilt).toEqual(maintained);
  });
});

type DashboardBody = {
  projects: { project: { slug: string }; cells: { tenants?: unknown }[] }[];
};
type FullDashboard = {
  projects: {
    project: { slug: string };
    cells: {
      environment: { slug: string };
      deploymentId: string;
      status: string;
      finishedAt: string | null;
      release: { id: string; version: string };
      live: { deploymentId: string; release: { id: string; version: string } } | null;
    }[];
  }[];
};
const project = (body: DashboardBody, slug: string) =>
  body.projects.find((p) => p.project.slug === slug)!;
