import Ajv2020 from 'ajv/dist/2020';
import { ApiHarness, startApi } from '../support/api-harness';
import { ContractDocument, contractGaps } from '../support/openapi-contract';
import { seedWithTenantAndRelease } from '../support/seed';

interface Document extends ContractDocument {
  openapi: string;
}

/** The OpenAPI document the API serves is complete, and what the API answers matches it. */
describe('OpenAPI document', () => {
  let api: ApiHarness;
  let document: Document;
  let release: string;
  let deployment: string;
  beforeAll(async () => {
    api = await startApi('openapi');
    release = await seedWithTenantAndRelease(api);
    const deployments = await api.get('/api/deployments').expect(200);
    deployment = deployments.body.items[0].id;
    await api
      .post('/api/freezes', {
        name: 'Weekends',
        recurrence: { kind: 'weekly', days: ['sat', 'sun'], from: '00:00', to: '24:00' },
        timeZone: 'Europe/Paris',
        environments: ['prod'],
      })
      .expect(201);
    await api
      .post('/api/subscriptions', {
        name: 'On-call mail',
        kind: 'email',
        to: ['oncall@example.com'],
        from: 'gantry@example.com',
        smtp: { host: '127.0.0.1', port: 25, secure: false, username: 'gantry', password: 'pw' },
        events: ['deployment.failed'],
        enabled: false,
      })
      .expect(201);
    document = (await api.get('/api/openapi.json').expect(200)).body;
  });
  afterAll(() => api.close());

  it('documents every operation: summary, success schema, problem+json errors', () => {
    expect(contractGaps(document)).toEqual([]);
  });

  it('describes the bearer scheme as an API key, not a JWT', () => {
    const scheme = document.components?.securitySchemes?.bearer;
    expect(scheme).toMatchObject({ bearerFormat: 'API key' });
  });

  /** A URL with real data for every GET operation that answers JSON. */
  const examples = (): Record<string, string> => ({
    '/health/live': '/health/live',
    '/health/ready': '/health/ready',
    '/api/api-keys': '/api/api-keys',
    '/api/audit': '/api/audit',
    '/api/environments': '/api/environments',
    '/api/environments/{ref}': '/api/environments/dev',
    '/api/lifecycles': '/api/lifecycles',
    '/api/lifecycles/{ref}': '/api/lifecycles/shop-lifecycle',
    '/api/projects': '/api/projects',
    '/api/projects/{ref}': '/api/projects/shop',
    '/api/projects/{ref}/channels': '/api/projects/shop/channels',
    '/api/projects/{ref}/channels/{channelRef}': '/api/projects/shop/channels/default',
    '/api/projects/{ref}/variables': '/api/projects/shop/variables',
    '/api/projects/{ref}/releases': '/api/projects/shop/releases',
    '/api/releases/{id}': `/api/releases/${release}`,
    '/api/releases/{id}/progression': `/api/releases/${release}/progression`,
    '/api/deployments': '/api/deployments',
    '/api/deployments/{id}': `/api/deployments/${deployment}`,
    '/api/deployments/{id}/log': `/api/deployments/${deployment}/log`,
    '/api/dashboard': '/api/dashboard',
    '/api/dashboard/projects/{ref}/tenants': '/api/dashboard/projects/shop/tenants',
    '/api/retention/preview': '/api/retention/preview',
    '/api/whoami': '/api/whoami',
    '/api/tenants': '/api/tenants',
    '/api/tenants/{ref}': '/api/tenants/acme',
    '/api/tenants?include=connections': '/api/tenants?include=connections',
    '/api/targets': '/api/targets',
    '/api/targets/{ref}': '/api/targets/shop-sandbox',
    '/api/freezes': '/api/freezes',
    '/api/freezes/{ref}': '/api/freezes/weekends',
    '/api/subscriptions': '/api/subscriptions',
    '/api/subscriptions/{ref}': '/api/subscriptions/on-call-mail',
    '/api/subscriptions/{ref}/deliveries': '/api/subscriptions/on-call-mail/deliveries',
  });

  it('has an example for every GET that answers JSON', () => {
    const jsonGets = Object.entries(document.paths)
      .filter(([, item]) => item.get?.responses?.['200']?.content?.['application/json'])
      .filter(([, item]) => !item.get?.responses?.['200']?.content?.['application/yaml'])
      .map(([path]) => path);
    const examplePaths = Object.keys(examples()).map((path) => path.split('?')[0]);
    expect(jsonGets.sort()).toEqual([...new Set(examplePaths)].sort());
  });

  it('answers every GET with a body its documented schema accepts', async () => {
    for (const [path, url] of Object.entries(examples())) {
      const response = await api.get(url).expect(200);
      const documented = path.split('?')[0];
      expect({ url, errors: schemaErrors(documented, 'get', '200', response.body) }).toEqual({
        url,
        errors: [],
      });
    }
  });

  it('answers writes with bodies their documented schemas accept', async () => {
    const writes: [string, string, string, () => Promise<{ status: number; body: unknown }>][] = [
      [
        '/api/api-keys',
        'post',
        '201',
        () => api.post('/api/api-keys', { name: 'ci', role: 'viewer' }),
      ],
      [
        '/api/environments/{ref}',
        'patch',
        '200',
        () => api.patch('/api/environments/dev', { description: 'first stop' }),
      ],
      [
        '/api/projects/{ref}/releases',
        'post',
        '201',
        () =>
          api.post('/api/projects/shop/releases', { images: { web: '1.0.1', worker: '1.0.1' } }),
      ],
      [
        '/api/releases/{id}/deployments',
        'post',
        '202',
        () => api.post(`/api/releases/${release}/deployments`, { environment: 'dev', force: true }),
      ],
      [
        '/api/freezes',
        'post',
        '201',
        () =>
          api.post('/api/freezes', {
            name: 'Year end',
            start: '2020-12-24T00:00:00Z',
            end: '2021-01-02T00:00:00+01:00',
          }),
      ],
      [
        '/api/subscriptions',
        'post',
        '201',
        () =>
          api.post('/api/subscriptions', {
            name: 'Hook',
            kind: 'webhook',
            url: 'http://127.0.0.1:9/hook',
            secret: 'signing-secret-0123456',
            events: ['deployment.failed'],
            enabled: false,
          }),
      ],
      [
        '/api/deployments/{id}/cancel',
        'post',
        '202',
        () => api.post(`/api/deployments/${deployment}/cancel`),
      ],
      // After the cancel: blocking cancels the release's queued deployments.
      [
        '/api/releases/{id}/block',
        'post',
        '200',
        () => api.post(`/api/releases/${release}/block`, { reason: 'corrupts carts' }),
      ],
      [
        '/api/releases/{id}/unblock',
        'post',
        '200',
        () => api.post(`/api/releases/${release}/unblock`),
      ],
    ];
    for (const [path, method, status, send] of writes) {
      const response = await send();
      expect({ path, status: response.status }).toEqual({ path, status: Number(status) });
      expect({ path, errors: schemaErrors(path, method, status, response.body) }).toEqual({
        path,
        errors: [],
      });
    }
  });

  it('answers a refused request with the Problem schema', async () => {
    const response = await api.post('/api/environments', { name: '' }).expect(400);
    expect(
      schemaErrors('/api/environments', 'post', '400', response.body, 'application/problem+json'),
    ).toEqual([]);
  });

  function schemaErrors(
    path: string,
    method: string,
    status: string,
    body: unknown,
    mediaType = 'application/json',
  ): string[] {
    const schema = document.paths[path][method].responses?.[status]?.content?.[mediaType]?.schema;
    if (!schema) return [`no ${mediaType} schema for ${method} ${path} ${status}`];
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    // Ajv resolves pointers into $defs, so the components move there for the check.
    const withDefs = JSON.parse(
      JSON.stringify({ ...schema, $defs: document.components?.schemas }).replaceAll(
        '#/components/schemas/',
        '#/$defs/',
      ),
    );
    const validate = ajv.compile(withDefs);
    return validate(body)
      ? []
      : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
  }
});
