import { ApiHarness, startApi } from '../support/api-harness';
import { sampleStep } from '../support/fixtures';

interface Ref {
  id: string;
  slug: string;
}

const paths = (body: { errors?: Array<{ path: string }> }) =>
  (body.errors ?? []).map((error) => error.path).sort();

describe('tenants API', () => {
  let api: ApiHarness;
  const environments: Record<string, Ref> = {};
  const projects: Record<string, Ref> = {};

  beforeAll(async () => {
    api = await startApi('tenants');
    for (const name of ['Dev', 'Test', 'Prod']) {
      environments[name.toLowerCase()] = (
        await api.post('/api/environments', { name }).expect(201)
      ).body;
    }
    for (const name of ['Shop', 'Billing']) {
      projects[name.toLowerCase()] = (
        await api
          .post('/api/projects', {
            name,
            tenancy: 'mixed',
            targetTags: ['web'],
            step: sampleStep(),
          })
          .expect(201)
      ).body;
    }
  });
  afterAll(() => api.close());

  it('creates a tenant with tags and connections, found by id and slug', async () => {
    const created = await api
      .post('/api/tenants', {
        name: 'Acme Corp',
        tags: ['tier/gold', 'region/eu', 'tier/gold'],
        projects: [{ project: 'shop', environments: ['prod', environments.dev.id, 'dev'] }],
      })
      .expect(201);
    expect(created.body).toMatchObject({
      name: 'Acme Corp',
      slug: 'acme-corp',
      tags: ['tier/gold', 'region/eu'],
      projects: [
        {
          project: { id: projects.shop.id, slug: 'shop' },
          environments: [
            { id: environments.dev.id, slug: 'dev' },
            { id: environments.prod.id, slug: 'prod' },
          ],
        },
      ],
    });
    const byId = await api.get(`/api/tenants/${created.body.id}`).expect(200);
    const bySlug = await api.get('/api/tenants/ACME-CORP').expect(200);
    expect(bySlug.body).toEqual(byId.body);
  });

  it('lists with paging and filters by tag and project', async () => {
    await api
      .post('/api/tenants', {
        name: 'Globex',
        slug: 'globex',
        tags: ['tier/silver', 'region/us'],
        projects: [{ project: 'billing', environments: ['dev'] }],
      })
      .expect(201);
    await api
      .post('/api/tenants', { name: 'Initech', tags: ['tier/gold', 'region/us'] })
      .expect(201);
    const all = await api.get('/api/tenants').expect(200);
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((tenant: Ref) => tenant.slug)).toEqual([
      'acme-corp',
      'globex',
      'initech',
    ]);
    expect(all.body.items[0]).not.toHaveProperty('projects');
    const withConnections = await api.get('/api/tenants?include=connections').expect(200);
    expect(withConnections.body.items[1]).toMatchObject({
      slug: 'globex',
      projects: [{ project: { slug: 'billing' }, environments: [{ slug: 'dev' }] }],
    });
    await api.get('/api/tenants?include=everything').expect(400);
    const page = await api.get('/api/tenants?limit=1&offset=1').expect(200);
    expect(page.body).toMatchObject({ total: 3, items: [{ slug: 'globex' }] });
    const gold = await api.get('/api/tenants?tag=tier/gold').expect(200);
    expect(gold.body.items.map((tenant: Ref) => tenant.slug)).toEqual(['acme-corp', 'initech']);
    const goldOrSilverInUs = await api
      .get('/api/tenants?tag=tier/gold&tag=tier/silver&tag=region/us')
      .expect(200);
    expect(goldOrSilverInUs.body.items.map((tenant: Ref) => tenant.slug)).toEqual([
      'globex',
      'initech',
    ]);
    const billing = await api.get('/api/tenants?project=billing').expect(200);
    expect(billing.body.items.map((tenant: Ref) => tenant.slug)).toEqual(['globex']);
    await api.get('/api/tenants?tag=gold').expect(400);
    await api.get('/api/tenants?limit=501').expect(400);
    await api.get('/api/tenants?project=nope').expect(404);
  });

  it('patches the given fields and replaces the whole connection set', async () => {
    const patched = await api
      .patch('/api/tenants/globex', {
        tags: ['tier/gold'],
        projects: [
          { project: projects.shop.id, environments: ['test'] },
          { project: 'billing', environments: ['prod', 'dev'] },
        ],
      })
      .expect(200);
    expect(patched.body).toMatchObject({
      name: 'Globex',
      tags: ['tier/gold'],
      projects: [
        { project: { slug: 'billing' }, environments: [{ slug: 'dev' }, { slug: 'prod' }] },
        { project: { slug: 'shop' }, environments: [{ slug: 'test' }] },
      ],
    });
    const renamed = await api
      .patch('/api/tenants/globex', { name: 'Globex Corporation' })
      .expect(200);
    expect(renamed.body).toMatchObject({
      name: 'Globex Corporation',
      slug: 'globex',
      tags: ['tier/gold'],
    });
    expect(renamed.body.projects).toHaveLength(2);
    const cleared = await api.patch('/api/tenants/globex', { projects: [] }).expect(200);
    expect(cleared.body.projects).toEqual([]);
  });

  it('refuses duplicates with 409', async () => {
    const slug = await api.post('/api/tenants', { name: 'Other', slug: 'acme-corp' }).expect(409);
    expect(slug.body).toMatchObject({ status: 409, errors: [{ path: 'slug' }] });
    const name = await api.post('/api/tenants', { name: 'Acme Corp', slug: 'acme-2' }).expect(409);
    expect(name.body.errors).toEqual([{ path: 'name', message: 'already exists' }]);
    await api.patch('/api/tenants/initech', { slug: 'acme-corp' }).expect(409);
  });

  it('lists every unknown reference with its path', async () => {
    const response = await api
      .post('/api/tenants', {
        name: 'Umbrella',
        projects: [
          { project: 'shop', environments: ['dev', 'staging'] },
          { project: 'nope', environments: ['00000000-0000-0000-0000-000000000000'] },
        ],
      })
      .expect(404);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(paths(response.body)).toEqual([
      'projects.0.environments.1',
      'projects.1.environments.0',
      'projects.1.project',
    ]);
    await api.get('/api/tenants/umbrella').expect(404);
  });

  it('refuses a project listed twice', async () => {
    const response = await api
      .post('/api/tenants', {
        name: 'Twice',
        projects: [
          { project: 'shop', environments: ['dev'] },
          { project: projects.shop.id, environments: ['prod'] },
        ],
      })
      .expect(400);
    expect(paths(response.body)).toEqual(['projects.1.project']);
  });

  it.each([
    ['wrong types', { name: 7, tags: 'tier/gold', projects: {} }, ['name', 'projects', 'tags']],
    [
      'unknown fields',
      {
        name: 'Ok',
        colour: 'red',
        projects: [{ project: 'shop', environments: ['dev'], extra: 1 }],
      },
      ['colour', 'projects.0.extra'],
    ],
    ['a too-long name', { name: 'x'.repeat(101) }, ['name']],
    ['a hostile slug', { name: 'Ok', slug: "'; drop table tenants; --" }, ['slug']],
    ['a path slug', { name: 'Ok', slug: '../..' }, ['slug']],
    ['a name without a usable slug', { name: '../..' }, ['slug']],
    ['a tag without a group', { name: 'Ok', tags: ['gold', 'tier/'] }, ['tags.0', 'tags.1']],
    [
      'a connection without environments',
      { name: 'Ok', projects: [{ project: 'shop', environments: [] }] },
      ['projects.0.environments'],
    ],
    ['a NUL character', { name: 'a\u0000b', tags: ['tier/\u0000'] }, ['name', 'tags.0']],
  ])('refuses %s with 400 naming every field', async (_label, body, expected) => {
    const response = await api.post('/api/tenants', body).expect(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(paths(response.body)).toEqual(expected);
  });

  it('refuses bad patches and unknown refs in paths', async () => {
    expect(
      paths((await api.patch('/api/tenants/initech', { name: '', nope: true }).expect(400)).body),
    ).toEqual(['name', 'nope']);
    await api.patch('/api/tenants/nope', { name: 'X' }).expect(404);
    await api.get(`/api/tenants/${encodeURIComponent("'; drop table tenants; --")}`).expect(404);
    await api.get('/api/tenants/..%2F..').expect(404);
    await api.get('/api/tenants/a%00b').expect(404);
  });

  it('keeps environments a tenant is connected to, and deletes the tenant', async () => {
    const blocked = await api.delete('/api/environments/prod').expect(409);
    expect(blocked.body).toMatchObject({ status: 409, title: 'In use' });
    await api.delete('/api/tenants/acme-corp').expect(204);
    await api.get('/api/tenants/acme-corp').expect(404);
    await api.delete('/api/tenants/acme-corp').expect(404);
  });

  it('needs an admin key to change tenants', async () => {
    await api.anonymous().get('/api/tenants').expect(401);
    await api.anonymous().post('/api/tenants').send({ name: 'Anon' }).expect(401);
  });
});
