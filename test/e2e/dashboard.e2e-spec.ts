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

  it('shows per project and environment the latest deployment, and tenant counts for tenanted projects', async () => {
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
    const project = (slug: string) =>
      body.projects.find((p: { project: { slug: string } }) => p.project.slug === slug);
    expect(project('shop').cells).toEqual([
      {
        environment: { id: expect.any(String), slug: 'dev' },
        release: { id: second.id, version: '1.1.0' },
        status: 'failed',
        finishedAt: expect.any(String),
      },
    ]);
    expect(project('saas').cells).toEqual([
      expect.objectContaining({
        environment: expect.objectContaining({ slug: 'dev' }),
        release: { id: saas.id, version: '2.0.0' },
        tenants: { succeeded: 1, failed: 1, total: 3 },
      }),
    ]);
    expect(project('idle').cells).toEqual([]);
  });
});
