import { ApiHarness, startApi } from '../support/api-harness';
import { sampleStep } from '../support/fixtures';

describe('variables API', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi('variables');
    for (const name of ['Dev', 'Prod']) await api.post('/api/environments', { name }).expect(201);
    await api
      .post('/api/projects', { name: 'Shop', targetTags: ['web'], step: sampleStep() })
      .expect(201);
    await api.db.dataSource.query(`INSERT INTO tenants (slug, name) VALUES ('acme', 'Acme')`);
  });
  afterAll(() => api.close());

  it('replaces the set, resolves scope refs and returns sensitive values as null', async () => {
    const response = await api
      .put('/api/projects/shop/variables', {
        items: [
          { name: 'LogLevel', value: 'info' },
          {
            name: 'LogLevel',
            value: 'debug',
            scope: { environments: ['dev'], channels: ['default'] },
          },
          { name: 'Db.Password', value: 'hunter2', sensitive: true, scope: { tenants: ['acme'] } },
        ],
      })
      .expect(200);
    expect(response.body.items).toEqual([
      { name: 'LogLevel', value: 'info', sensitive: false, scope: {} },
      {
        name: 'LogLevel',
        value: 'debug',
        sensitive: false,
        scope: { environments: ['dev'], channels: ['default'] },
      },
      { name: 'Db.Password', value: null, sensitive: true, scope: { tenants: ['acme'] } },
    ]);
    expect(
      JSON.stringify((await api.get('/api/projects/shop/variables').expect(200)).body),
    ).not.toContain('hunter2');
  });

  it('stores sensitive values encrypted and keeps them when sent back as null', async () => {
    const before = await api.db.dataSource.query(
      `SELECT value, value_encrypted FROM variables WHERE name = 'Db.Password'`,
    );
    expect(before[0].value).toBeNull();
    expect(before[0].value_encrypted).toMatch(/^v1:/);
    expect(before[0].value_encrypted).not.toContain('hunter2');
    await api
      .put('/api/projects/shop/variables', {
        items: [
          { name: 'Db.Password', value: null, sensitive: true, scope: { tenants: ['acme'] } },
        ],
      })
      .expect(200);
    const after = await api.db.dataSource.query(
      `SELECT value_encrypted FROM variables WHERE name = 'Db.Password'`,
    );
    expect(after[0].value_encrypted).toBe(before[0].value_encrypted);
  });

  it('refuses a null sensitive value with nothing stored to keep', async () => {
    const response = await api
      .put('/api/projects/shop/variables', {
        items: [{ name: 'Api.Token', value: null, sensitive: true }],
      })
      .expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'items.0.value' })]);
  });

  it('lists every invalid item: bad names, reserved names, unknown fields', async () => {
    const response = await api
      .put('/api/projects/shop/variables', {
        items: [
          { name: 'has space', value: 'x' },
          { name: 'Gantry.Environment.Name', value: 'x' },
          { name: 'Ok', value: 'x', colour: 1 },
        ],
      })
      .expect(400);
    expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'items.0.name',
      'items.1.name',
      'items.2.colour',
    ]);
  });

  it('answers 404 naming unknown scope refs', async () => {
    const response = await api
      .put('/api/projects/shop/variables', {
        items: [{ name: 'X', value: '1', scope: { environments: ['mars'] } }],
      })
      .expect(404);
    expect(response.body.errors).toEqual([
      { path: 'items.0.scope.environments.0', message: "environment 'mars' does not exist" },
    ]);
    await api.get('/api/projects/nope/variables').expect(404);
  });
});
