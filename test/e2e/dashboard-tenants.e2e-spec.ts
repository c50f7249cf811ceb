import { ApiHarness, startApi } from '../support/api-harness';
import { sampleStep } from '../support/fixtures';

const images = { web: '1.0.0', worker: '1.0.0' };
const URL = '/api/dashboard/projects/saas/tenants';

type Cell = {
  environmentId: string;
  connected: boolean;
  live: { deploymentId: string; release: { version: string } } | null;
  latest: { deploymentId: string; release: { version: string }; status: string } | null;
};
type Page = {
  environments: { id: string; slug: string }[];
  tags: string[];
  items: { tenant: { slug: string; name: string; tags: string[] }; cells: Cell[] }[];
  total: number;
  next: string | null;
};

describe("a project's tenants × environments (GET /api/dashboard/projects/:ref/tenants)", () => {
  let api: ApiHarness;
  const sql = (query: string, parameters: unknown[] = []) =>
    api.db.dataSource.query(query, parameters);
  const finish = (id: string, status: string) =>
    sql(`UPDATE deployments SET status = $2, finished_at = now() WHERE id = $1`, [id, status]);
  const page = async (query = ''): Promise<Page> =>
    (await api.get(`${URL}${query}`).expect(200)).body;
  const slugs = (body: Page) => body.items.map((item) => item.tenant.slug);
  const envSlug = (body: Page, id: string) => body.environments.find((e) => e.id === id)?.slug;
  /** A tenant's cells as `{env: 'live-version/latest-version:status'}`. */
  const cellsOf = (body: Page, slug: string) =>
    Object.fromEntries(
      body.items
        .find((item) => item.tenant.slug === slug)!
        .cells.map((cell) => [
          envSlug(body, cell.environmentId),
          `${cell.connected ? '' : '(disconnected) '}${cell.live?.release.version ?? '-'}/${cell.latest?.release.version ?? '-'}:${cell.latest?.status ?? 'never'}`,
        ]),
    );
  const deploymentsBySlug = (release: {
    deployments: { tenant: { slug: string }; id: string }[];
  }) => Object.fromEntries(release.deployments.map((d) => [d.tenant.slug, d.id]));

  beforeAll(async () => {
    api = await startApi('dashboard-tenants');
    for (const name of ['Dev', 'Test', 'Prod'])
      await api.post('/api/environments', { name }).expect(201);
    await api
      .post('/api/lifecycles', {
        name: 'Auto',
        phases: [
          { name: 'Development', environments: ['dev'], automatic: ['dev'] },
          { name: 'Testing', environments: ['test'] },
          { name: 'Production', environments: ['prod'] },
        ],
      })
      .expect(201);
    for (const [name, tenancy] of [
      ['Saas', 'tenanted'],
      ['Shop', 'untenanted'],
    ])
      await api
        .post('/api/projects', {
          name,
          lifecycle: 'auto',
          tenancy,
          targetTags: ['web'],
          step: sampleStep(),
        })
        .expect(201);
    await sql(`
      INSERT INTO targets (slug, name, tags, tenanted_mode, region, cluster, credentials_type) VALUES ('shared', 'Shared', '{web}', 'mixed', 'eu-west-1', 'shared', 'sandbox');
      INSERT INTO target_environments (target_id, environment_id) SELECT t.id, e.id FROM targets t, environments e;`);
    const tenants: [string, string, string[], string[]][] = [
      ['Acme', 'acme', ['tier/gold', 'region/eu'], ['dev', 'test']],
      ['Globex', 'globex', ['tier/silver', 'region/eu'], ['dev', 'test']],
      ['Initech', 'initech', ['tier/gold', 'region/us'], ['dev']],
      ['100% Pure_Co', 'pure-co', ['tier/bronze'], ['dev']],
    ];
    for (const [name, slug, tags, environments] of tenants)
      await api
        .post('/api/tenants', { name, slug, tags, projects: [{ project: 'saas', environments }] })
        .expect(201);
    // A tenant of another project only: never on this project's page.
    await api.post('/api/tenants', { name: 'Hooli', tags: ['tier/gold'] }).expect(201);

    // 1.0.0 reaches dev for every tenant (automatic): Acme succeeds, Globex fails, Initech runs.
    const first = (
      await api.post('/api/projects/saas/releases', { images, version: '1.0.0' }).expect(201)
    ).body;
    const dev = deploymentsBySlug(first);
    await finish(dev.acme, 'succeeded');
    await finish(dev.globex, 'failed');
    await sql(`UPDATE deployments SET status = 'running' WHERE id = $1`, [dev.initech]);
    // Acme in test: 1.0.0 succeeds there; then 1.1.0 fails in dev, so 1.0.0 stays live in dev.
    const acmeTest = await api
      .post(`/api/releases/${first.id}/deployments`, { environment: 'test', tenants: ['acme'] })
      .expect(202);
    await finish(acmeTest.body.items[0].id, 'succeeded');
    const second = (
      await api.post('/api/projects/saas/releases', { images, version: '1.1.0' }).expect(201)
    ).body;
    await finish(deploymentsBySlug(second).acme, 'failed');
  });
  afterAll(() => api.close());

  it('shows per tenant and environment the live release and the latest attempt with its status', async () => {
    const body = await page();
    expect(body.environments.map((e) => e.slug)).toEqual(['dev', 'test']);
    expect(body.total).toBe(4);
    expect(body.next).toBeNull();
    expect(slugs(body)).toEqual(['pure-co', 'acme', 'globex', 'initech']);
    expect(body.tags).toEqual([
      'region/eu',
      'region/us',
      'tier/bronze',
      'tier/gold',
      'tier/silver',
    ]);
    expect(cellsOf(body, 'acme')).toEqual({
      dev: '1.0.0/1.1.0:failed',
      test: '1.0.0/1.0.0:succeeded',
    });
    expect(cellsOf(body, 'globex')).toEqual({ dev: '-/1.1.0:queued', test: '-/-:never' });
    expect(cellsOf(body, 'initech')).toEqual({ dev: '-/1.1.0:queued' });
    const acme = body.items.find((item) => item.tenant.slug === 'acme')!;
    expect(acme.tenant).toEqual({
      id: expect.any(String),
      slug: 'acme',
      name: 'Acme',
      tags: ['tier/gold', 'region/eu'],
    });
    const acmeDev = acme.cells[0];
    const deployment = (
      await api.get(`/api/deployments/${acmeDev.latest!.deploymentId}`).expect(200)
    ).body;
    expect(deployment).toMatchObject({ status: 'failed', tenant: { slug: 'acme' } });
    expect(acmeDev.live).toEqual({
      deploymentId: expect.any(String),
      release: { id: expect.any(String), version: '1.0.0' },
      finishedAt: expect.any(String),
    });
  });

  it('narrows by tag (one tag of each group) and by part of the name or slug', async () => {
    expect(slugs(await page('?tag=tier/gold'))).toEqual(['acme', 'initech']);
    expect(slugs(await page('?tag=tier/gold&tag=tier/silver&tag=region/eu'))).toEqual([
      'acme',
      'globex',
    ]);
    const search = await page('?search=GLO');
    expect(slugs(search)).toEqual(['globex']);
    expect(search.total).toBe(1);
    // The tags to pick from stay those of every tenant of the project.
    expect(search.tags).toHaveLength(5);
    expect(slugs(await page('?search=pure-'))).toEqual(['pure-co']);
    // LIKE's wildcards are plain characters.
    expect(slugs(await page(`?search=${encodeURIComponent('100%')}`))).toEqual(['pure-co']);
    expect(slugs(await page('?search=_'))).toEqual(['pure-co']);
    expect(slugs(await page('?search=%25'))).toEqual(['pure-co']);
    expect((await page('?search=nobody')).total).toBe(0);
    expect(slugs(await page('?search=%20%20'))).toHaveLength(4);
  });

  it('pages by name with a cursor, each tenant once, the total on every page', async () => {
    const seen: string[] = [];
    let after = '';
    for (let index = 0; index < 3; index += 1) {
      const body = await page(`?limit=2${after}`);
      expect(body.total).toBe(4);
      seen.push(...slugs(body));
      if (!body.next) break;
      after = `&after=${body.next}`;
    }
    expect(seen).toEqual(['pure-co', 'acme', 'globex', 'initech']);
    const filtered = await page('?limit=1&tag=tier/gold');
    expect(slugs(filtered)).toEqual(['acme']);
    expect(slugs(await page(`?limit=1&tag=tier/gold&after=${filtered.next}`))).toEqual(['initech']);
  });

  it('keeps the stack of an environment the tenant was disconnected from, marked so', async () => {
    await api
      .patch('/api/tenants/acme', { projects: [{ project: 'saas', environments: ['dev'] }] })
      .expect(200);
    const body = await page('?search=acme');
    expect(cellsOf(body, 'acme')).toEqual({
      dev: '1.0.0/1.1.0:failed',
      test: '(disconnected) 1.0.0/1.0.0:succeeded',
    });
    expect(body.environments.map((e) => e.slug)).toEqual(['dev', 'test']);
  });

  it('answers an untenanted project with no tenants, and an unknown one with 404', async () => {
    const shop = (await api.get('/api/dashboard/projects/shop/tenants').expect(200)).body;
    expect(shop).toMatchObject({ items: [], total: 0, next: null, environments: [], tags: [] });
    const unknown = await api.get('/api/dashboard/projects/nope/tenants').expect(404);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('refuses bad input with a problem naming every invalid field', async () => {
    const bad = await api
      .get(`${URL}?limit=0&tag=gold&after=nope&search=${'x'.repeat(101)}&colour=red`)
      .expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      ['after', 'colour', 'limit', 'search', 'tag'].sort(),
    );
    const tooMany = await api.get(`${URL}?limit=1001`).expect(400);
    expect(tooMany.body.errors.map((e: { path: string }) => e.path)).toEqual(['limit']);
    const nul = await api.get(`${URL}?search=a%00b`).expect(400);
    expect(nul.body.errors.map((e: { path: string }) => e.path)).toEqual(['search']);
    const deploymentCursor = Buffer.from('2026-12-04T15:36:21.123456Z|1').toString('base64url');
    await api.get(`${URL}?after=${deploymentCursor}`).expect(400);
  });
});
