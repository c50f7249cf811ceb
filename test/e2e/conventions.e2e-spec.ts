import { ADMIN_KEY, ApiHarness, startApi } from '../support/api-harness';
import { OpenApiDocument, Operation, operationsOf } from '../support/hostile-input';
import { seedWithTenantAndRelease } from '../support/seed';
import { validBodies } from '../support/valid-bodies';

/** POST routes that start work (202) rather than create a resource (201), with a body the seed's lifecycle allows. */
const STARTS_WORK: Record<string, unknown> = {
  '/api/releases/{id}/deployments': { environment: 'dev', force: true },
};
/** Promoting needs a deployment that succeeded, which needs a worker: deployments.e2e covers its 202. */
const NEEDS_A_WORKER = ['/api/projects/{ref}/promote'];
/** POST routes that act on an existing resource and answer it with 200: neither a creation nor work started. */
const ACTIONS = ['/api/releases/{id}/block', '/api/deployments/{id}/interventions/{step}'];

/** Paged by project, but a document of its own (`{environments, projects, total}`), not a list. */
const PAGED_DOCUMENTS = ['/api/dashboard'];

/** Lists whose `total` scans every matching row, so it is counted only with `?count=true`. */
const COUNTED_ON_REQUEST = ['/api/deployments'];

/** The conventions of docs/api.md, checked on every operation of the OpenAPI document. */
describe('API conventions', () => {
  let api: ApiHarness;
  let operations: Operation[];
  let release: string;
  beforeAll(async () => {
    api = await startApi('conventions');
    release = await seedWithTenantAndRelease(api);
    // `{ref}` routes are called with 'shop': a subscription of that slug gives its deliveries route one.
    await api
      .post('/api/subscriptions', {
        name: 'Shop',
        kind: 'webhook',
        url: 'http://127.0.0.1:9/hook',
        secret: 'conventions-secret-0123',
        events: ['deployment.failed'],
      })
      .expect(201);
    operations = operationsOf(
      (await api.get('/api/openapi.json').expect(200)).body as OpenApiDocument,
    );
  });
  afterAll(() => api.close());

  const url = (operation: Operation) =>
    operation.path.replace('{ref}', 'shop').replace('{id}', release) +
    (COUNTED_ON_REQUEST.includes(operation.path) ? '?count=true' : '');
  const withQuery = (operation: Operation, query: string) =>
    `${url(operation)}${url(operation).includes('?') ? '&' : '?'}${query}`;
  const paged = () =>
    operations.filter(
      (operation) =>
        operation.method === 'get' &&
        !PAGED_DOCUMENTS.includes(operation.path) &&
        ['limit', 'offset'].every((name) =>
          operation.parameters.some((parameter) => parameter.name === name),
        ),
    );

  it('pages every list as {items, total} with limit at most 500', async () => {
    expect(paged().map((operation) => operation.path)).toEqual(
      expect.arrayContaining([
        '/api/environments',
        '/api/projects',
        '/api/deployments',
        '/api/api-keys',
        '/api/audit',
      ]),
    );
    for (const operation of paged()) {
      const all = await api.get(url(operation)).expect(200);
      expect({ path: operation.path, keys: Object.keys(all.body).sort() }).toEqual({
        path: operation.path,
        keys: COUNTED_ON_REQUEST.includes(operation.path)
          ? ['items', 'next', 'total']
          : ['items', 'total'],
      });
      expect(Array.isArray(all.body.items) && typeof all.body.total === 'number').toBe(true);
      const one = await api.get(withQuery(operation, 'limit=1')).expect(200);
      expect(one.body.items.length).toBeLessThanOrEqual(1);
      expect(one.body.total).toBe(all.body.total);
      const past = await api.get(withQuery(operation, 'offset=100000')).expect(200);
      expect(past.body).toMatchObject({ items: [], total: all.body.total });
      await api.get(withQuery(operation, 'limit=500')).expect(200);
      const over = await api
        .get(withQuery(operation, 'limit=501'))
        .expect(400)
        .expect('Content-Type', /application\/problem\+json/);
      expect(over.body).toMatchObject({
        status: 400,
        errors: [expect.objectContaining({ path: 'limit' })],
      });
    }
  });

  it('answers 201 with the resource to every creation, and 202 to requests that start work', async () => {
    const bodies = validBodies();
    const creations = operations.filter(
      (operation) =>
        operation.method === 'post' &&
        bodies[`post ${operation.path}`] &&
        !NEEDS_A_WORKER.includes(operation.path) &&
        !ACTIONS.includes(operation.path),
    );
    expect(creations.length).toBeGreaterThanOrEqual(9);
    for (const operation of creations) {
      const response = await api.post(
        url(operation),
        STARTS_WORK[operation.path] ?? bodies[`post ${operation.path}`](),
      );
      const expected = STARTS_WORK[operation.path] ? 202 : 201;
      expect({
        path: operation.path,
        status: response.status,
        body: response.status === expected ? null : response.body,
      }).toEqual({ path: operation.path, status: expected, body: null });
      if (expected === 201) expect(response.body.id).toEqual(expect.any(String));
      else expect(response.body.items).toEqual(expect.any(Array));
    }
  });

  it.each([
    '/api/nope',
    '/api/environments/dev/nope',
    '/api/projects/shop/channels/default/nope',
    '/api/',
    '/api/openapi.json/x',
  ])('answers an unknown route %s with a 404 problem', async (path) => {
    const response = await api
      .get(path)
      .expect(404)
      .expect('Content-Type', /application\/problem\+json/);
    expect(response.body).toMatchObject({
      status: 404,
      type: expect.any(String),
      title: expect.any(String),
      detail: expect.any(String),
    });
  });

  it.each([
    ['put', '/api/environments'],
    ['delete', '/api/environments'],
    ['post', '/api/environments/dev'],
    ['put', '/api/projects/shop'],
    ['patch', '/api/projects/shop/variables'],
    ['delete', '/api/dashboard'],
  ] as const)(
    'answers %s %s (a known path, a wrong method) with a 404 or 405 problem',
    async (method, path) => {
      const response = await api[method](path);
      expect([404, 405]).toContain(response.status);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.status).toBe(response.status);
    },
  );

  it('audits refused requests that carry characters PostgreSQL cannot store', async () => {
    await api
      .post('/api/environments', { name: 'nul\u0000', description: 'half \ud800' })
      .expect(400);
    await api.delete('/api/environments/%00').expect(404);
    const audit = await api.get('/api/audit?limit=2').expect(200);
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        method: 'DELETE',
        status: 404,
        outcome: 'refused',
        resourceId: '\ufffd',
      }),
      expect.objectContaining({
        method: 'POST',
        status: 400,
        outcome: 'refused',
        body: { name: 'nul\ufffd', description: 'half \ufffd' },
      }),
    ]);
  });

  it('answers HEAD and OPTIONS on a list without a 5xx', async () => {
    const head = await api
      .anonymous()
      .head('/api/environments')
      .set('Authorization', `Bearer ${ADMIN_KEY}`);
    expect(head.status).toBe(200);
    const options = await api.anonymous().options('/api/environments');
    expect(options.status).toBeLessThan(500);
  });

  // Last: repeated failures from one address are slowed down with 429s.
  it.each([
    ['a 10,000-character token', `Bearer ${'a'.repeat(10_000)}`],
    ['a 20,000-character token (past the header limit)', `Bearer ${'a'.repeat(20_000)}`],
    ['no token', 'Bearer'],
    ['blank token', 'Bearer    '],
    ['Basic credentials', 'Basic dXNlcjpwYXNz'],
    ['a latin-1 token', 'Bearer ÿþ'],
    ['the key in upper case', `Bearer ${ADMIN_KEY.toUpperCase()}`],
    ['SQL', "Bearer ' or 1=1 --"],
    ['two schemes', `Bearer ${ADMIN_KEY} Bearer ${ADMIN_KEY}`],
  ])('refuses an Authorization header with %s without a 5xx', async (_label, header) => {
    const response = await api.anonymous().get('/api/environments').set('Authorization', header);
    expect([401, 429, 431]).toContain(response.status);
    if (response.status !== 431) expect(response.body.status).toBe(response.status);
    expect(response.text).not.toContain(ADMIN_KEY);
  });
});
