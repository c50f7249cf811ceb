import type { Queue } from 'bullmq';
import request from 'supertest';
import { DeploymentScheduler } from '@gantry/scheduling';
import { ApiHarness, deploymentsQueue, startApi } from '../support/api-harness';
import { seedShopProject } from '../support/seed';
import { sampleStep } from '../support/fixtures';

interface Deployment {
  id: string;
  status: string;
  release: { id: string; version: string };
  project: { slug: string };
  environment: { slug: string };
  tenant: { slug: string } | null;
}

const images = { web: '1.0.0', worker: '1.0.0' };

describe('deployments API', () => {
  let api: ApiHarness;
  let queue: Queue;
  const sql = (query: string, parameters: unknown[] = []) =>
    api.db.dataSource.query(query, parameters);
  const release = async (project: string, version: string) =>
    (await api.post(`/api/projects/${project}/releases`, { images, version }).expect(201)).body;
  const deploy = (releaseId: string, body: object) =>
    api.post(`/api/releases/${releaseId}/deployments`, body);
  /** Simulates the worker finishing a deployment successfully. */
  const succeed = (releaseId: string, environment: string, tenant: string | null = null) =>
    sql(
      `UPDATE deployments SET status = 'succeeded', started_at = now(), finished_at = now() WHERE release_id = $1
         AND environment_id = (SELECT id FROM environments WHERE slug = $2)
         AND tenant_id IS NOT DISTINCT FROM (SELECT id FROM tenants WHERE slug = $3)`,
      [releaseId, environment, tenant],
    );
  const placed = (items: Deployment[]) =>
    items.map((d) => `${d.environment.slug}/${d.tenant?.slug ?? '-'}`).sort();

  beforeAll(async () => {
    api = await startApi('deployments');
    queue = deploymentsQueue(api);
    await seedShopProject(api);
    await api
      .post('/api/projects', {
        name: 'Saas',
        lifecycle: 'standard',
        tenancy: 'tenanted',
        targetTags: ['web'],
        step: sampleStep(),
      })
      .expect(201);
    await api
      .post('/api/projects', {
        name: 'Lonely',
        lifecycle: 'standard',
        targetTags: ['nowhere'],
        step: sampleStep(),
      })
      .expect(201);
    await sql(`
      INSERT INTO targets (slug, name, tags, tenanted_mode, region, cluster, credentials_type) VALUES ('shared', 'Shared', '{web}', 'mixed', 'eu-west-1', 'shared', 'sandbox');
      INSERT INTO target_environments (target_id, environment_id) SELECT t.id, e.id FROM targets t, environments e;
      INSERT INTO tenants (slug, name, tags) VALUES ('acme', 'Acme', '{tier/gold}'), ('globex', 'Globex', '{tier/silver}'), ('initech', 'Initech', '{tier/gold}');
      INSERT INTO tenant_connections (tenant_id, project_id, environment_id)
        SELECT t.id, p.id, e.id FROM tenants t, projects p, environments e
        WHERE p.slug = 'saas' AND (t.slug, e.slug) IN (('acme', 'dev'), ('acme', 'test'), ('acme', 'prod'), ('globex', 'test'), ('globex', 'prod'), ('initech', 'prod'));`);
  });
  afterAll(async () => {
    await queue.close();
    await api.close();
  });

  describe('lifecycle', () => {
    it('refuses phase 2 with 409 naming the missing environment, then allows it once phase 1 succeeded', async () => {
      const shop = await release('shop', '1.0.0');
      expect(placed(shop.deployments)).toEqual(['dev/-']);
      const refused = await deploy(shop.id, { environment: 'test' }).expect(409);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body).toMatchObject({
        type: expect.stringContaining('lifecycle-forbids'),
        detail:
          "Lifecycle 'Standard' does not allow deploying this release to 'Test' yet: phase 'Development' needs 1 more successful deployment (missing: 'Dev').",
        missingEnvironments: [{ id: expect.any(String), slug: 'dev' }],
      });
      await succeed(shop.id, 'dev');
      const accepted = await deploy(shop.id, { environment: 'test' }).expect(202);
      expect(accepted.body.items).toEqual([
        expect.objectContaining({
          status: 'queued',
          environment: expect.objectContaining({ slug: 'test' }),
          tenant: null,
        }),
      ]);
      expect((await queue.getJob(accepted.body.items[0].id))?.data).toEqual({
        deploymentId: accepted.body.items[0].id,
      });
    });

    it('needs force to deploy again where the release is current or already queued, never to skip the lifecycle', async () => {
      const shop = await release('shop', '1.1.0');
      const queued = await deploy(shop.id, { environment: 'dev' }).expect(409);
      expect(queued.body.detail).toContain('already queued or running');
      await succeed(shop.id, 'dev');
      const current = await deploy(shop.id, { environment: 'dev' }).expect(409);
      expect(current.body.detail).toBe(
        `This release is already the deployed release for 'Dev'; send "force": true to deploy it again.`,
      );
      const forced = await deploy(shop.id, { environment: 'dev', force: true }).expect(202);
      expect(forced.body.items[0]).toMatchObject({ status: 'queued', forced: true });
      await deploy(shop.id, { environment: 'prod', force: true }).expect(409);
    });

    it('redeploys an older release (a rollback) without force', async () => {
      const older = (
        await api.get('/api/projects/shop/releases?limit=500').expect(200)
      ).body.items.find((r: { version: string }) => r.version === '1.0.0');
      const accepted = await deploy(older.id, { environment: 'dev' }).expect(202);
      expect(accepted.body.items[0].release.version).toBe('1.0.0');
    });
  });

  describe('automatic deployments after a success (the worker calls the scheduler)', () => {
    it('queues the next automatic phase once, for the same tenant only', async () => {
      await api
        .post('/api/lifecycles', {
          name: 'Chain',
          phases: [
            { name: 'Development', environments: ['dev'], automatic: ['dev'] },
            { name: 'Testing', environments: ['test'], automatic: ['test'] },
            { name: 'Production', environments: ['prod'] },
          ],
        })
        .expect(201);
      await api
        .post('/api/projects/saas/channels', { name: 'Chained', lifecycle: 'chain' })
        .expect(201);
      const created = (
        await api
          .post('/api/projects/saas/releases', { images, version: '9.0.0', channel: 'chained' })
          .expect(201)
      ).body;
      // Globex is not connected to dev, so testing is its first phase and opens at creation.
      expect(placed(created.deployments)).toEqual(['dev/acme', 'test/globex']);
      const scheduler = api.app.get(DeploymentScheduler);
      const nothing = { deployments: [], notQueued: null };
      expect(await scheduler.scheduleAutomaticAfterSuccess(created.deployments[0].id)).toEqual(
        nothing,
      );
      await succeed(created.id, 'dev', 'acme');
      const { deployments: next } = await scheduler.scheduleAutomaticAfterSuccess(
        created.deployments[0].id,
      );
      expect(placed(next as never)).toEqual(['test/acme']);
      expect(next[0]).toMatchObject({
        status: 'queued',
        createdBy: expect.stringMatching(
          /^automatic \(lifecycle\) for 'bootstrap' after deployment /,
        ),
      });
      expect(await queue.getJob(next[0].id)).toBeDefined();
      expect(await scheduler.scheduleAutomaticAfterSuccess(created.deployments[0].id)).toEqual(
        nothing,
      );
      expect(await scheduler.scheduleAutomaticAfterCreation(created.id)).toEqual([]);
    });

    it('lets only one of two concurrent identical requests through', async () => {
      const shop = await release('shop', '7.0.0');
      await succeed(shop.id, 'dev');
      const statuses = (
        await Promise.all([
          deploy(shop.id, { environment: 'test' }),
          deploy(shop.id, { environment: 'test' }),
        ])
      ).map((r) => r.status);
      expect(statuses.sort()).toEqual([202, 409]);
    });
  });

  describe('targets', () => {
    it('answers 422 naming environment, tenant scope and tags when no target matches', async () => {
      const lonely = await release('lonely', '1.0.0');
      expect(lonely.deployments).toEqual([
        expect.objectContaining({
          status: 'failed',
          targets: [],
          error: expect.stringContaining('No ECS cluster target'),
        }),
      ]);
      const response = await deploy(lonely.id, { environment: 'dev' }).expect(422);
      expect(response.body.detail).toBe(
        "No ECS cluster target is in environment 'Dev', carries one of the tags 'nowhere' and takes untenanted deployments.",
      );
    });
  });

  describe('tenants', () => {
    it('creates exactly the deployments the lifecycle allows for three tenants connected to different environments', async () => {
      const saas = await release('saas', '1.0.0');
      expect(placed(saas.deployments)).toEqual(['dev/acme']);
      const prodForAll = await deploy(saas.id, { environment: 'prod' }).expect(409);
      expect(
        prodForAll.body.refusals.map((r: { missingEnvironments: { slug: string }[] }) =>
          r.missingEnvironments.map((e) => e.slug),
        ),
      ).toEqual([['dev', 'test'], ['test']]);
      expect(prodForAll.body.detail).toContain("for tenant 'Acme'");
      expect(prodForAll.body.detail).toContain("for tenant 'Globex'");
      expect(
        placed(
          (await deploy(saas.id, { environment: 'prod', tenants: ['initech'] }).expect(202)).body
            .items,
        ),
      ).toEqual(['prod/initech']);
      await deploy(saas.id, { environment: 'test' }).expect(409);
      expect(
        placed(
          (await deploy(saas.id, { environment: 'test', tenants: ['globex'] }).expect(202)).body
            .items,
        ),
      ).toEqual(['test/globex']);
      const unconnected = await deploy(saas.id, { environment: 'dev', tenants: ['globex'] }).expect(
        400,
      );
      expect(unconnected.body.errors).toEqual([
        {
          path: 'tenants.0',
          message: "tenant 'Globex' is not connected to project 'Saas' in environment 'Dev'",
        },
      ]);
      await succeed(saas.id, 'dev', 'acme');
      expect(
        placed(
          (await deploy(saas.id, { environment: 'test', tenants: ['acme'] }).expect(202)).body
            .items,
        ),
      ).toEqual(['test/acme']);
      const all = (
        await api.get(`/api/deployments?project=saas&limit=500`).expect(200)
      ).body.items.filter((d: Deployment) => d.release.id === saas.id);
      expect(placed(all)).toEqual(['dev/acme', 'prod/initech', 'test/acme', 'test/globex']);
      const progression = (await api.get(`/api/releases/${saas.id}`).expect(200)).body.progression;
      expect(
        progression.map(
          (c: { environment: { slug: string }; tenant: { slug: string }; status: string }) =>
            `${c.tenant.slug}/${c.environment.slug}:${c.status}`,
        ),
      ).toEqual([
        'acme/dev:deployed',
        'acme/test:allowed',
        'acme/prod:blocked',
        'globex/test:allowed',
        'globex/prod:blocked',
        'initech/prod:allowed',
      ]);
    });

    it('selects tenants by tag among those connected to the environment', async () => {
      const saas = await release('saas', '1.1.0');
      const response = await deploy(saas.id, {
        environment: 'prod',
        tenantTags: ['tier/gold'],
      }).expect(409);
      expect(response.body.refusals).toHaveLength(1);
      expect(
        placed(
          (await deploy(saas.id, { environment: 'test', tenantTags: ['tier/silver'] }).expect(202))
            .body.items,
        ),
      ).toEqual(['test/globex']);
      await deploy(saas.id, { environment: 'test', tenantTags: ['tier/platinum'] }).expect(400);
      await deploy(saas.id, { environment: 'test', tenants: ['nobody'] }).expect(404);
    });
  });

  describe('promote', () => {
    it('deploys per tenant the release that last succeeded in the source environment', async () => {
      const saas = await release('saas', '2.0.0');
      await succeed(saas.id, 'dev', 'acme');
      await deploy(saas.id, { environment: 'test', tenants: ['acme', 'globex'] }).expect(202);
      await succeed(saas.id, 'test', 'acme');
      await succeed(saas.id, 'test', 'globex');
      const missing = await api
        .post('/api/projects/saas/promote', { from: 'test', to: 'prod' })
        .expect(409);
      expect(missing.body.detail).toBe(
        "Nothing to promote from 'Test' for 'Initech': no release has succeeded there yet.",
      );
      const promoted = await api
        .post('/api/projects/saas/promote', {
          from: 'test',
          to: 'prod',
          tenants: ['acme', 'globex'],
        })
        .expect(202);
      expect(placed(promoted.body.items)).toEqual(['prod/acme', 'prod/globex']);
      expect(promoted.body.items.map((d: Deployment) => d.release.version)).toEqual([
        '2.0.0',
        '2.0.0',
      ]);
    });

    it('promotes an untenanted project, keeping the lifecycle checks', async () => {
      const shop = (
        await api.get('/api/projects/shop/releases?limit=500').expect(200)
      ).body.items.find((r: { version: string }) => r.version === '1.0.0');
      await succeed(shop.id, 'test');
      const promoted = await api
        .post('/api/projects/shop/promote', { from: 'test', to: 'prod' })
        .expect(202);
      expect(promoted.body.items).toEqual([
        expect.objectContaining({
          release: { id: shop.id, version: '1.0.0' },
          environment: expect.objectContaining({ slug: 'prod' }),
        }),
      ]);
      await api.post('/api/projects/lonely/promote', { from: 'test', to: 'prod' }).expect(409);
    });
  });

  describe('cancel, read, list', () => {
    it('cancels a queued deployment at once and refuses to cancel a finished one', async () => {
      const shop = await release('shop', '5.0.0');
      const [queued] = shop.deployments;
      const cancelled = await api.post(`/api/deployments/${queued.id}/cancel`).expect(202);
      expect(cancelled.body).toMatchObject({
        id: queued.id,
        status: 'cancelled',
        finishedAt: expect.any(String),
      });
      const again = await api.post(`/api/deployments/${queued.id}/cancel`).expect(409);
      expect(again.body.type).toContain('invalid-state');
    });

    it('hands the stack to the next queued deployment when a queued one is cancelled', async () => {
      const first = (await release('shop', '5.0.1')).deployments[0];
      const second = (await release('shop', '5.0.2')).deployments[0];
      // Earlier tests left deployments queued on this stack: out of the way, so the second is next.
      await sql(
        `UPDATE deployments SET status = 'cancelled', finished_at = now() WHERE status = 'queued'
           AND stack_key = (SELECT stack_key FROM deployments WHERE id = $1) AND id NOT IN ($1, $2)`,
        [first.id, second.id],
      );
      // A worker already took the second one's job and let it go: it waits behind the first.
      await (await queue.getJob(second.id))?.remove();
      await api.post(`/api/deployments/${first.id}/cancel`).expect(202);
      expect((await queue.getJob(second.id))?.data).toEqual({ deploymentId: second.id });
    });

    it('asks the worker to stop a running deployment', async () => {
      const shop = await release('shop', '5.1.0');
      await sql(`UPDATE deployments SET status = 'running', started_at = now() WHERE id = $1`, [
        shop.deployments[0].id,
      ]);
      const response = await api
        .post(`/api/deployments/${shop.deployments[0].id}/cancel`)
        .expect(202);
      expect(response.body).toMatchObject({ status: 'running', cancelRequested: true });
    });

    it('filters the list by project, environment, tenant and status, newest first', async () => {
      const { body } = await api
        .get(
          '/api/deployments?project=saas&environment=prod&tenant=initech&status=queued&count=true',
        )
        .expect(200);
      expect(body.total).toBe(body.items.length);
      expect(body.items.length).toBeGreaterThan(0);
      expect(
        body.items.every(
          (d: Deployment) =>
            d.environment.slug === 'prod' && d.tenant?.slug === 'initech' && d.status === 'queued',
        ),
      ).toBe(true);
      const all = (await api.get('/api/deployments?limit=500').expect(200)).body.items;
      const times = all.map((d: { createdAt: string }) => new Date(d.createdAt).getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
      await api.get('/api/deployments?status=sleeping').expect(400);
      await api.get('/api/deployments?project=nope').expect(404);
      await api.get('/api/deployments/00000000-0000-0000-0000-000000000000').expect(404);
    });

    it('counts every filter as the rows it lists, from the maintained counts, after status changes', async () => {
      await sql(
        `UPDATE deployments SET status = 'failed', finished_at = now()
          WHERE id = (SELECT id FROM deployments WHERE status = 'queued' ORDER BY seq LIMIT 1)`,
      );
      for (const filter of [
        '',
        'project=saas',
        'project=shop',
        'environment=prod',
        'tenant=initech',
        'status=queued',
        'status=failed',
        'status=cancelled',
        'project=saas&environment=prod',
        'environment=prod&status=queued',
        'project=saas&environment=prod&tenant=initech&status=queued',
      ]) {
        const { body } = await api.get(`/api/deployments?limit=500&${filter}`).expect(200);
        expect({ filter, total: body.total }).toEqual({ filter, total: body.items.length });
      }
      const [{ counted }] = await sql(
        `SELECT (SELECT sum(count_queued + count_running + count_succeeded + count_failed + count_cancelled)
                   FROM dashboard_cells)::int - (SELECT count(*) FROM deployments)::int AS counted`,
      );
      expect(counted).toBe(0);
    });

    it('pages with the cursor of the previous page, counting only when asked', async () => {
      const all = (await api.get('/api/deployments?limit=500&count=true').expect(200)).body;
      expect(all.total).toBe(all.items.length);
      expect(all.next).toBeNull();
      const seen: string[] = [];
      let after: string | null = '';
      while (after !== null) {
        const page: { items: Deployment[]; next: string | null } = (
          await api.get(`/api/deployments?limit=3${after ? `&after=${after}` : ''}`).expect(200)
        ).body;
        // The first page is an offset page, counted like every list; cursor pages are not.
        if (after) expect(page).not.toHaveProperty('total');
        else expect(page).toHaveProperty('total', all.total);
        seen.push(...page.items.map((d: Deployment) => d.id));
        after = page.next;
      }
      expect(seen).toEqual(all.items.map((d: Deployment) => d.id));
      const uncounted = (await api.get('/api/deployments?limit=1&count=false').expect(200)).body;
      expect(uncounted).not.toHaveProperty('total');
      const firstSaas = (await api.get('/api/deployments?project=saas&limit=1').expect(200)).body;
      const secondSaas = (
        await api.get(`/api/deployments?project=saas&limit=1&after=${firstSaas.next}`).expect(200)
      ).body;
      expect(secondSaas.items.map((d: Deployment) => d.id)).toEqual(
        all.items
          .filter((d: Deployment) => d.project.slug === 'saas')
          .slice(1, 2)
          .map((d: Deployment) => d.id),
      );
      const bad = await api.get('/api/deployments?after=nope&count=maybe').expect(400);
      expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
        'after',
        'count',
      ]);
    });

    it('reads the log after a sequence number', async () => {
      const shop = await release('shop', '5.2.0');
      const id = shop.deployments[0].id;
      await sql(
        `INSERT INTO deployment_log (deployment_id, seq, level, source, message) VALUES ($1, 1, 'info', 'gantry', 'one'), ($1, 2, 'info', 'gantry', 'two'), ($1, 3, 'warn', 'cloudformation', 'three')`,
        [id],
      );
      const { body } = await api.get(`/api/deployments/${id}/log?after=1`).expect(200);
      expect(
        body.items.map((line: { seq: number; message: string }) => [line.seq, line.message]),
      ).toEqual([
        [2, 'two'],
        [3, 'three'],
      ]);
      expect(body.items[1]).toMatchObject({
        level: 'warn',
        source: 'cloudformation',
        at: expect.any(String),
      });
    });
  });

  describe('access', () => {
    it('limits a deployer key to its environments (403 naming the environment) and lets viewers only read', async () => {
      const key = async (body: object) =>
        (await api.post('/api/api-keys', body).expect(201)).body.key as string;
      const deployer = await key({ name: 'ci-dev', role: 'deployer', environments: ['dev'] });
      const viewer = await key({ name: 'reader', role: 'viewer' });
      const as = (secret: string) => (path: string, body: object) =>
        request(api.app.getHttpServer())
          .post(path)
          .set('Authorization', `Bearer ${secret}`)
          .send(body);
      const created = await as(deployer)('/api/projects/shop/releases', {
        images,
        version: '6.0.0',
      }).expect(201);
      await succeed(created.body.id, 'dev');
      const refused = await as(deployer)(`/api/releases/${created.body.id}/deployments`, {
        environment: 'test',
      }).expect(403);
      expect(refused.body).toMatchObject({
        detail: "The key 'ci-dev' is not allowed to deploy to environment 'test'.",
        errors: [{ path: 'environment', message: "the key is not allowed in environment 'test'" }],
      });
      await as(deployer)('/api/projects/shop/promote', { from: 'dev', to: 'test' }).expect(403);
      await as(deployer)(`/api/releases/${created.body.id}/deployments`, {
        environment: 'dev',
        force: true,
      }).expect(202);
      await as(viewer)(`/api/releases/${created.body.id}/deployments`, {
        environment: 'dev',
        force: true,
      }).expect(403);
      await as(viewer)('/api/projects/shop/releases', { images }).expect(403);
    });
  });
});
