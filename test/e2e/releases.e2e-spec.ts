import type { Queue } from 'bullmq';
import { ApiHarness, deploymentsQueue, startApi } from '../support/api-harness';
import { seedShopProject } from '../support/seed';
import { sampleStep } from '../support/fixtures';

describe('releases API', () => {
  let api: ApiHarness;
  let queue: Queue;
  beforeAll(async () => {
    api = await startApi('releases');
    queue = deploymentsQueue(api);
    await seedShopProject(api);
    await api
      .post('/api/projects/shop/channels', {
        name: 'Stable',
        rules: [{ containers: ['web'], versionRange: '>=1.0.0 <2.0.0' }],
      })
      .expect(201);
    await api.db.dataSource.query(
      `INSERT INTO targets (slug, name, tags, region, cluster, credentials_type) VALUES ('main', 'Main', '{web}', 'eu-west-1', 'main', 'sandbox');
       INSERT INTO target_environments (target_id, environment_id) SELECT t.id, e.id FROM targets t, environments e;`,
    );
    await api
      .put('/api/projects/shop/variables', {
        items: [
          { name: 'LogLevel', value: 'info', scope: { environments: ['dev'] } },
          { name: 'Db.Password', value: 'hunter2', sensitive: true },
        ],
      })
      .expect(200);
  });
  afterAll(async () => {
    await queue.close();
    await api.close();
  });

  const images = { web: '1.0.0', worker: 'main-3f2a1c' };

  /** Creates a standard-lifecycle project of this tenancy, deploying to the targets tagged `targetTag`. */
  const createProject = (name: string, tenancy: 'tenanted' | 'mixed', targetTag = 'web') =>
    api
      .post('/api/projects', {
        name,
        lifecycle: 'standard',
        tenancy,
        targetTags: [targetTag],
        step: sampleStep(),
      })
      .expect(201);

  it('creates the first release in the default channel as 0.0.1 and queues its automatic phase-1 deployment', async () => {
    const response = await api
      .post('/api/projects/shop/releases', { images, notes: 'First cut' })
      .expect(201);
    expect(response.body).toMatchObject({
      version: '0.0.1',
      notes: 'First cut',
      images,
      channel: { slug: 'default', name: 'Default' },
      project: { slug: 'shop' },
    });
    expect(response.body.deployments).toHaveLength(1);
    const [deployment] = response.body.deployments;
    expect(deployment).toMatchObject({
      status: 'queued',
      environment: { slug: 'dev' },
      tenant: null,
      release: { version: '0.0.1' },
    });
    expect(deployment.targets).toEqual([
      {
        step: 'service',
        target: { id: expect.any(String), slug: 'main' },
        stackName: 'gantry-shop-dev',
        status: 'pending',
      },
    ]);
    const job = await queue.getJob(deployment.id);
    expect(job?.data).toEqual({ deploymentId: deployment.id });
  });

  it('takes an explicit version, then defaults to the next patch after the highest', async () => {
    await api.post('/api/projects/shop/releases', { images, version: '1.4.2' }).expect(201);
    await api.post('/api/projects/shop/releases', { images, version: '1.2.9' }).expect(201);
    const response = await api.post('/api/projects/shop/releases', { images }).expect(201);
    expect(response.body.version).toBe('1.4.3');
  });

  it("defaults the version to the images' shared tag when it is a version, and says so when it is taken", async () => {
    const same = { web: '1.6.0', worker: '1.6.0' };
    const created = await api.post('/api/projects/shop/releases', { images: same }).expect(201);
    expect(created.body.version).toBe('1.6.0');
    const taken = await api.post('/api/projects/shop/releases', { images: same }).expect(409);
    expect(taken.body).toMatchObject({
      detail: expect.stringContaining('Release 1.6.0 already exists'),
      errors: [{ path: 'version', message: "'1.6.0' already exists" }],
    });
    const other = await api
      .post('/api/projects/shop/releases', { images: same, version: '1.6.0-b' })
      .expect(201);
    expect(other.body.version).toBe('1.6.0-b');
  });

  it('refuses a duplicate version with 409', async () => {
    const response = await api
      .post('/api/projects/shop/releases', { images, version: '1.4.2' })
      .expect(409);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      status: 409,
      type: expect.stringContaining('duplicate'),
      detail: expect.stringContaining("'1.4.2'"),
    });
  });

  it('lists a missing tag, an unknown container and a bad Docker tag under images.<container>', async () => {
    const response = await api
      .post('/api/projects/shop/releases', { images: { web: 'bad tag!', db: '1' } })
      .expect(400);
    expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'images.db',
      'images.web',
      'images.worker',
    ]);
    expect(
      response.body.errors.find((e: { path: string }) => e.path === 'images.web').message,
    ).toContain('not a valid Docker tag');
    await api.post('/api/projects/shop/releases', { images, version: 'no spaces' }).expect(400);
    await api.post('/api/projects/shop/releases', { images, colour: 'red' }).expect(400);
  });

  it('refuses a tag breaking a channel rule with 422 naming container, tag and rule', async () => {
    const response = await api
      .post('/api/projects/shop/releases', {
        images: { web: '2.0.0', worker: 'x' },
        channel: 'stable',
      })
      .expect(422);
    expect(response.body.errors).toEqual([
      {
        path: 'images.web',
        message: "tag '2.0.0' does not satisfy versionRange '>=1.0.0 <2.0.0' of channel 'Stable'",
      },
    ]);
    const ok = await api
      .post('/api/projects/shop/releases', {
        images: { web: '1.9.0', worker: 'x' },
        channel: 'stable',
      })
      .expect(201);
    expect(ok.body.channel).toMatchObject({ slug: 'stable', name: 'Stable' });
    await api.post('/api/projects/shop/releases', { images, channel: 'nope' }).expect(404);
  });

  it('snapshots step and variables at creation, sensitive values stay encrypted and hidden', async () => {
    const created = await api
      .post('/api/projects/shop/releases', { images, version: '3.0.0' })
      .expect(201);
    expect(created.body.snapshot.step).toEqual(
      (await api.get('/api/projects/shop').expect(200)).body.step,
    );
    expect(created.body.snapshot.variables).toEqual([
      { name: 'LogLevel', value: 'info', sensitive: false, scope: { environments: ['dev'] } },
      { name: 'Db.Password', value: null, sensitive: true, scope: {} },
    ]);
    expect(JSON.stringify(created.body)).not.toContain('hunter2');
    const [row] = await api.db.dataSource.query(`SELECT variables FROM releases WHERE id = $1`, [
      created.body.id,
    ]);
    expect(row.variables[1].valueEncrypted).toMatch(/^v1:/);
    expect(JSON.stringify(row.variables)).not.toContain('hunter2');
  });

  it('refreshes only the variable snapshot on request', async () => {
    const created = await api
      .post('/api/projects/shop/releases', { images, version: '3.1.0' })
      .expect(201);
    await api
      .put('/api/projects/shop/variables', { items: [{ name: 'LogLevel', value: 'debug' }] })
      .expect(200);
    await api
      .patch('/api/projects/shop', { step: sampleStep({ tags: { team: 'checkout' } }) })
      .expect(200);
    const before = await api.get(`/api/releases/${created.body.id}`).expect(200);
    expect(before.body.snapshot.variables[0].value).toBe('info');
    const refreshed = await api.post(`/api/releases/${created.body.id}/snapshot`).expect(200);
    expect(refreshed.body.snapshot.variables).toEqual([
      { name: 'LogLevel', value: 'debug', sensitive: false, scope: {} },
    ]);
    expect(refreshed.body.snapshot.step).toEqual(before.body.snapshot.step);
    expect(refreshed.body.images).toEqual(images);
    expect(new Date(refreshed.body.snapshot.takenAt).getTime()).toBeGreaterThan(
      new Date(before.body.snapshot.takenAt).getTime(),
    );
  });

  it('shows the progression per environment with the reason a phase is blocked', async () => {
    const created = await api
      .post('/api/projects/shop/releases', { images, version: '4.0.0' })
      .expect(201);
    const { body } = await api.get(`/api/releases/${created.body.id}`).expect(200);
    expect(
      body.progression.map((cell: { environment: { slug: string }; status: string }) => [
        cell.environment.slug,
        cell.status,
      ]),
    ).toEqual([
      ['dev', 'allowed'],
      ['test', 'blocked'],
      ['prod', 'blocked'],
    ]);
    expect(body.progression[1]).toMatchObject({
      tenant: null,
      phase: 'Testing',
      missingEnvironments: [{ slug: 'dev' }],
      reason: expect.stringContaining("'Dev'"),
    });
    await api.db.dataSource.query(
      `UPDATE deployments SET status = 'succeeded', finished_at = now() WHERE release_id = $1`,
      [created.body.id],
    );
    const after = await api.get(`/api/releases/${created.body.id}`).expect(200);
    expect(after.body.progression.map((cell: { status: string }) => cell.status)).toEqual([
      'deployed',
      'allowed',
      'blocked',
    ]);
    expect(after.body.progressionTotal).toBe(3);
    expect(after.body.progressionSummary).toEqual([
      expect.objectContaining({
        environment: expect.objectContaining({ slug: 'dev' }),
        phase: expect.any(String),
        untenanted: { status: 'deployed', reason: expect.any(String) },
      }),
      expect.objectContaining({ untenanted: expect.objectContaining({ status: 'allowed' }) }),
      expect.objectContaining({
        untenanted: expect.objectContaining({
          status: 'blocked',
          missingEnvironments: [expect.objectContaining({ slug: 'test' })],
        }),
      }),
    ]);
    expect(after.body.progressionSummary[0]).not.toHaveProperty('tenants');
  });

  it('shows per progression cell the live release and the latest attempt with its status', async () => {
    const live = (
      await api.post('/api/projects/shop/releases', { images, version: '4.1.0' }).expect(201)
    ).body;
    await api.db.dataSource.query(
      `UPDATE deployments SET status = 'succeeded', finished_at = now() WHERE release_id = $1`,
      [live.id],
    );
    const attempt = (
      await api.post('/api/projects/shop/releases', { images, version: '4.2.0' }).expect(201)
    ).body;
    await api.db.dataSource.query(
      `UPDATE deployments SET status = 'failed', finished_at = now() WHERE release_id = $1`,
      [attempt.id],
    );
    const { body } = await api
      .get(`/api/releases/${attempt.id}/progression?environment=dev`)
      .expect(200);
    expect(body).toEqual({
      items: [
        expect.objectContaining({
          environment: expect.objectContaining({ slug: 'dev' }),
          tenant: null,
          status: 'allowed',
          live: {
            deploymentId: live.deployments[0].id,
            release: { id: live.id, version: '4.1.0' },
            finishedAt: expect.any(String),
          },
          latest: {
            deploymentId: attempt.deployments[0].id,
            release: { id: attempt.id, version: '4.2.0' },
            status: 'failed',
          },
        }),
      ],
      total: 1,
    });
  });

  it('bounds a tenanted release: the first cells and a summary inline, every cell paged', async () => {
    await createProject('Saas', 'tenanted');
    await api.db.dataSource.query(
      `INSERT INTO tenants (slug, name) SELECT 'tenant-' || n, 'Tenant ' || lpad(n::text, 3, '0') FROM generate_series(1, 40) AS n;
       INSERT INTO tenant_connections (tenant_id, project_id, environment_id)
         SELECT t.id, p.id, e.id FROM tenants t, projects p, environments e WHERE p.slug = 'saas';`,
    );
    const created = (
      await api.post('/api/projects/saas/releases', { images, version: '1.0.0' }).expect(201)
    ).body;
    expect(created.progression).toHaveLength(100);
    expect(created.progressionTotal).toBe(120);
    expect(created.progressionSummary.map((row: { tenants: unknown }) => row.tenants)).toEqual([
      { total: 40, deployed: 0, allowed: 40, blocked: 0 },
      { total: 40, deployed: 0, allowed: 0, blocked: 40 },
      { total: 40, deployed: 0, allowed: 0, blocked: 40 },
    ]);
    expect(created.progressionSummary[0].untenanted).toBeNull();
    const page = (
      await api
        .get(`/api/releases/${created.id}/progression?environment=test&limit=10&offset=35`)
        .expect(200)
    ).body;
    expect(page.total).toBe(40);
    expect(page.items.map((cell: { tenant: { slug: string } }) => cell.tenant.slug)).toEqual([
      'tenant-36',
      'tenant-37',
      'tenant-38',
      'tenant-39',
      'tenant-40',
    ]);
    const blocked = (
      await api.get(`/api/releases/${created.id}/progression?status=blocked&limit=1`).expect(200)
    ).body;
    expect(blocked.total).toBe(80);
    const bad = await api
      .get(`/api/releases/${created.id}/progression?status=nope&limit=0`)
      .expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'limit',
      'status',
    ]);
    await api.get(`/api/releases/${created.id}/progression?environment=nope`).expect(404);
  });

  it('returns the first 25 automatic deployments of a large release and pages them all by release', async () => {
    await createProject('Fleet', 'tenanted');
    await api.db.dataSource.query(
      `INSERT INTO tenants (slug, name) SELECT 'fleet-' || n, 'Fleet ' || lpad(n::text, 2, '0') FROM generate_series(1, 30) AS n;
       INSERT INTO tenant_connections (tenant_id, project_id, environment_id)
         SELECT t.id, p.id, e.id FROM tenants t, projects p, environments e
          WHERE p.slug = 'fleet' AND t.slug LIKE 'fleet-%';`,
    );
    const created = (
      await api.post('/api/projects/fleet/releases', { images, version: '1.0.0' }).expect(201)
    ).body;
    expect(created.deployments).toHaveLength(25);
    expect(created.deploymentsTotal).toBe(30);

    const paged: string[] = [];
    let after: string | null = null;
    do {
      const query: string = `release=${created.id}&environment=dev&limit=25${after ? `&after=${after}` : ''}`;
      const page: { items: { id: string; release: { id: string } }[]; next: string | null } = (
        await api.get(`/api/deployments?${query}`).expect(200)
      ).body;
      expect(page.items.every((item) => item.release.id === created.id)).toBe(true);
      paged.push(...page.items.map((item) => item.id));
      after = page.next;
    } while (after);
    expect(new Set(paged).size).toBe(30);
    expect(paged).toEqual(
      expect.arrayContaining(created.deployments.map((d: { id: string }) => d.id)),
    );
    const counted = await api
      .get(`/api/deployments?release=${created.id}&limit=1&count=true`)
      .expect(200);
    expect(counted.body.total).toBe(30);
    const elsewhere = await api.get(`/api/deployments?release=${created.id}&environment=test`);
    expect(elsewhere.body).toMatchObject({ items: [], total: 0 });

    const unknown = await api.get('/api/deployments?release=nope').expect(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const bad = await api.get('/api/deployments?release=&limit=0').expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'limit',
      'release',
    ]);
  });

  it('pages a mixed release exactly as its whole progression lists it, whatever the filter', async () => {
    await api.db.dataSource.query(
      `INSERT INTO targets (slug, name, tags, tenanted_mode, region, cluster, credentials_type) VALUES ('mixed-main', 'Mixed main', '{mixed}', 'mixed', 'eu-west-1', 'mixed', 'sandbox');
       INSERT INTO target_environments (target_id, environment_id) SELECT t.id, e.id FROM targets t, environments e WHERE t.slug = 'mixed-main';`,
    );
    await createProject('Mixed', 'mixed', 'mixed');
    // Twelve tenants: 1–8 everywhere, 9–12 in dev and prod only.
    await api.db.dataSource.query(
      `INSERT INTO tenants (slug, name) SELECT 'mixed-' || n, 'Mixed ' || lpad(n::text, 2, '0') FROM generate_series(1, 12) AS n;
       INSERT INTO tenant_connections (tenant_id, project_id, environment_id)
         SELECT t.id, p.id, e.id FROM tenants t, projects p, environments e
          WHERE p.slug = 'mixed' AND t.slug LIKE 'mixed-%' AND (e.slug <> 'test' OR substring(t.slug, 7)::int <= 8);`,
    );
    const created = (
      await api.post('/api/projects/mixed/releases', { images, version: '1.0.0' }).expect(201)
    ).body;
    // The untenanted dev deployment and those of tenants 1–3 succeed: every status shows.
    await api.db.dataSource.query(
      `UPDATE deployments d SET status = 'succeeded', finished_at = now()
         FROM environments e WHERE e.id = d.environment_id AND e.slug = 'dev' AND d.release_id = $1
          AND (d.tenant_id IS NULL OR d.tenant_id IN (SELECT id FROM tenants WHERE slug IN ('mixed-1', 'mixed-2', 'mixed-3')))`,
      [created.id],
    );
    type Cell = { environment: { slug: string }; tenant: { slug: string } | null; status: string };
    const label = (cell: Cell) =>
      `${cell.environment.slug}/${cell.tenant?.slug ?? '-'}:${cell.status}`;
    const all = (await api.get(`/api/releases/${created.id}/progression?limit=500`).expect(200))
      .body;
    expect(all.total).toBe(3 + 12 + 8 + 12);
    expect(all.items.slice(0, 4).map(label)).toEqual([
      'dev/-:deployed',
      'test/-:allowed',
      'prod/-:blocked',
      'dev/mixed-1:deployed',
    ]);
    const release = (await api.get(`/api/releases/${created.id}`).expect(200)).body;
    expect(release.progressionTotal).toBe(all.total);
    expect(release.progression.map(label)).toEqual(all.items.map(label));
    expect(
      release.progressionSummary.map(
        (row: { environment: { slug: string }; tenants: Record<string, number> }) => [
          row.environment.slug,
          row.tenants,
        ],
      ),
    ).toEqual([
      ['dev', { total: 12, deployed: 3, allowed: 9, blocked: 0 }],
      ['test', { total: 8, deployed: 0, allowed: 3, blocked: 5 }],
      ['prod', { total: 12, deployed: 0, allowed: 0, blocked: 12 }],
    ]);
    for (const [environment, status] of [
      [undefined, undefined],
      ['test', undefined],
      [undefined, 'allowed'],
      ['prod', 'blocked'],
      ['test', 'deployed'],
    ]) {
      const expected = all.items.filter(
        (cell: Cell) =>
          (!environment || cell.environment.slug === environment) &&
          (!status || cell.status === status),
      );
      for (const [offset, limit] of [
        [0, 2],
        [2, 3],
        [7, 500],
      ]) {
        const query = new URLSearchParams({
          offset: String(offset),
          limit: String(limit),
          ...(environment ? { environment } : {}),
          ...(status ? { status } : {}),
        });
        const page = (await api.get(`/api/releases/${created.id}/progression?${query}`).expect(200))
          .body;
        expect([query.toString(), page.total]).toEqual([query.toString(), expected.length]);
        expect(page.items).toEqual(expected.slice(offset, offset + limit));
      }
    }
    const cell = all.items.find((item: Cell) => label(item) === 'prod/mixed-9:blocked');
    expect(cell.reason).toContain("tenant 'Mixed 09'");
  });

  it('lists releases newest first, paged', async () => {
    const { body } = await api.get('/api/projects/shop/releases?limit=2').expect(200);
    expect(body.items.map((r: { version: string }) => r.version)).toEqual(['4.2.0', '4.1.0']);
    expect(body.total).toBeGreaterThanOrEqual(8);
    expect(body.items[0].snapshot).toBeUndefined();
    await api.get('/api/releases/not-a-uuid').expect(404);
    await api.get('/api/projects/nope/releases').expect(404);
  });
});
