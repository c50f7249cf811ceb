import { ADMIN_KEY, ApiHarness, startApi } from '../support/api-harness';

describe('access: API keys, roles, audit, health and OpenAPI', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi('access');
    await api.post('/api/environments', { name: 'Dev' }).expect(201);
  });
  afterAll(() => api.close());

  it('keeps health open and reports PostgreSQL and Redis', async () => {
    await api.anonymous().get('/health/live').expect(200, { status: 'ok' });
    const ready = await api.anonymous().get('/health/ready').expect(200);
    expect(ready.body).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up' } });
  });

  it('serves the OpenAPI document and the docs page', async () => {
    const document = await api.anonymous().get('/api/openapi.json').expect(200);
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/environments',
        '/api/projects/{ref}/channels',
        '/api/api-keys',
      ]),
    );
    await api.anonymous().get('/api/docs').expect(200).expect('Content-Type', /html/);
  });

  it.each([
    ['no key', undefined],
    ['a malformed header', 'Token abc'],
    ['an unknown key', 'Bearer not-a-real-key'],
  ])('answers 401 problem+json for %s', async (_label, header) => {
    const test = api.anonymous().get('/api/environments');
    const response = await (header ? test.set('Authorization', header) : test).expect(401);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('tells any key who it is (GET /api/whoami): name, role and limits, never the secret', async () => {
    const admin = await api.get('/api/whoami').expect(200);
    expect(admin.body).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      role: 'admin',
      environments: [],
      projects: [],
    });
    const dev = await api.get('/api/environments/dev').expect(200);
    const created = await api
      .post('/api/api-keys', { name: 'dev-deployer', role: 'deployer', environments: ['dev'] })
      .expect(201);
    const me = await api
      .anonymous()
      .get('/api/whoami')
      .set('Authorization', `Bearer ${created.body.key}`)
      .expect(200);
    expect(me.body).toEqual({
      id: created.body.id,
      name: 'dev-deployer',
      role: 'deployer',
      environments: [dev.body.id],
      projects: [],
    });
    expect(JSON.stringify(me.body)).not.toContain(created.body.key);
    await api.anonymous().get('/api/whoami').expect(401);
  });

  it('shows a new key once, stores only its hash, and revokes it at once', async () => {
    const created = await api.post('/api/api-keys', { name: 'ci', role: 'viewer' }).expect(201);
    expect(created.body.key).toMatch(/^gnt_/);
    const rows = await api.db.dataSource.query('SELECT key_hash FROM api_keys WHERE id = $1', [
      created.body.id,
    ]);
    expect(rows[0].key_hash).not.toContain(created.body.key);
    const listed = await api.get('/api/api-keys').expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);
    await api
      .anonymous()
      .get('/api/environments')
      .set('Authorization', `Bearer ${created.body.key}`)
      .expect(200);
    await api.delete(`/api/api-keys/${created.body.id}`).expect(204);
    await api
      .anonymous()
      .get('/api/environments')
      .set('Authorization', `Bearer ${created.body.key}`)
      .expect(401);
  });

  it('lets a viewer read but not change, naming the missing permission', async () => {
    const viewer = await api.post('/api/api-keys', { name: 'reader', role: 'viewer' }).expect(201);
    const response = await api
      .anonymous()
      .post('/api/environments')
      .set('Authorization', `Bearer ${viewer.body.key}`)
      .send({ name: 'X' })
      .expect(403);
    expect(response.body.detail).toMatch(/admin/);
  });

  it('refuses an API key naming an unknown environment', async () => {
    const response = await api
      .post('/api/api-keys', { name: 'scoped', role: 'deployer', environments: ['dev', 'mars'] })
      .expect(404);
    expect(response.body.errors).toEqual([
      { path: 'environments.1', message: "environment 'mars' does not exist" },
    ]);
  });

  it('audits changes with the key name and masks secrets', async () => {
    await api.post('/api/environments', { name: 'Audited' }).expect(201);
    const audit = await api.get('/api/audit?actor=bootstrap&limit=100').expect(200);
    const entry = audit.body.items.find(
      (item: { body: { name?: string } }) => item.body?.name === 'Audited',
    );
    expect(entry).toMatchObject({
      actorName: 'bootstrap',
      method: 'POST',
      route: '/api/environments',
      status: 201,
      outcome: 'success',
    });
    const keyCreation = audit.body.items.find(
      (item: { route: string }) => item.route === '/api/api-keys',
    );
    expect(JSON.stringify(keyCreation)).not.toContain(ADMIN_KEY);
  });

  it('slows down repeated authentication failures with 429 and Retry-After', async () => {
    let last = 0;
    let retryAfter: string | undefined;
    for (let attempt = 0; attempt < 15 && last !== 429; attempt++) {
      const response = await api
        .anonymous()
        .get('/api/environments')
        .set('Authorization', 'Bearer wrong');
      last = response.status;
      retryAfter = response.headers['retry-after'];
    }
    expect(last).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});
