import { ApiHarness, startApi } from '../support/api-harness';

describe('environments API', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi('environments');
  });
  afterAll(() => api.close());

  it('creates environments in order, deriving slugs', async () => {
    const dev = await api.post('/api/environments', { name: 'Dev' }).expect(201);
    expect(dev.body).toMatchObject({ name: 'Dev', slug: 'dev', position: 1, description: '' });
    expect(dev.body.id).toMatch(/^[0-9a-f-]{36}$/);
    await api.post('/api/environments', { name: 'Test Env', slug: 'test' }).expect(201);
    const list = await api.get('/api/environments').expect(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items.map((e: { slug: string }) => e.slug)).toEqual(['dev', 'test']);
  });

  it('finds by id or slug, updates and deletes', async () => {
    const created = await api.post('/api/environments', { name: 'Staging' }).expect(201);
    await api.get(`/api/environments/${created.body.id}`).expect(200);
    const patched = await api
      .patch('/api/environments/staging', { description: 'pre-prod' })
      .expect(200);
    expect(patched.body.description).toBe('pre-prod');
    await api.delete('/api/environments/staging').expect(204);
    await api
      .get('/api/environments/staging')
      .expect(404)
      .expect('Content-Type', /application\/problem\+json/);
  });

  it('refuses a duplicate slug with 409', async () => {
    await api.post('/api/environments', { name: 'Prod' }).expect(201);
    const duplicate = await api
      .post('/api/environments', { name: 'Production', slug: 'prod' })
      .expect(409);
    expect(duplicate.body).toMatchObject({ status: 409, title: 'Already exists' });
  });

  it.each([
    ['malformed JSON', '{"name": ', 400],
    ['an array', '[]', 400],
  ])('refuses %s with problem+json', async (_label, raw, status) => {
    const response = await api
      .post('/api/environments')
      .set('Content-Type', 'application/json')
      .send(raw)
      .expect(status);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.status).toBe(status);
  });

  it('lists every invalid field at once, unknown fields included', async () => {
    const response = await api
      .post('/api/environments', { name: 42, slug: "'; drop table", colour: 'red' })
      .expect(400);
    const paths = response.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['colour', 'name', 'slug']);
  });

  it.each([
    [{ name: 'x'.repeat(101) }, 'name'],
    [{ name: 'ok', slug: '../..' }, 'slug'],
    [{ name: '../..' }, 'slug'],
    [{ name: '   ' }, 'name'],
  ])('refuses %j naming %s', async (body, path) => {
    const response = await api.post('/api/environments', body).expect(400);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('refuses bodies over 1 MiB with 413', async () => {
    await api
      .post('/api/environments', { name: 'big', description: 'x'.repeat(1024 * 1024 + 10) })
      .expect(413);
  });

  it('answers 404 for unknown references and routes', async () => {
    await api.get('/api/environments/nope').expect(404);
    await api.get('/api/environments/00000000-0000-0000-0000-000000000000').expect(404);
    await api.get('/api/no-such-route').expect(404);
  });

  it('validates pagination', async () => {
    await api.get('/api/environments?limit=0').expect(400);
    await api.get('/api/environments?limit=abc').expect(400);
    const page = await api.get('/api/environments?limit=1&offset=1').expect(200);
    expect(page.body.items).toHaveLength(1);
  });

  it('refuses NUL characters in bodies and refs without a 500', async () => {
    const body = await api
      .post('/api/environments', { name: 'a\u0000b', description: 'ok' })
      .expect(400);
    expect(body.body.errors).toEqual([
      { path: 'name', message: 'must not contain a NUL character' },
    ]);
    await api.get('/api/environments/a%00b').expect(404);
    await api.get('/api/projects/a%00b').expect(404);
    await api.get('/api/lifecycles/a%00b').expect(404);
  });
});
