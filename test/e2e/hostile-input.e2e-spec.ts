import request from 'supertest';
import { ADMIN_KEY, ApiHarness, startApi } from '../support/api-harness';
import { BARE_SECRET, hostileBodies } from '../support/hostile-bodies';
import {
  HOSTILE_PARAM_VALUES,
  HOSTILE_PATH_VALUES,
  HOSTILE_QUERIES,
  HostileCase,
  METHODS,
  OpenApiDocument,
  Operation,
  operationsOf,
} from '../support/hostile-input';
import { seedWithTenantAndRelease } from '../support/seed';
import { TARGET_SECRET, validBodies } from '../support/valid-bodies';

const SECRETS = [
  'hunter2-secret',
  ADMIN_KEY,
  TARGET_SECRET,
  TARGET_SECRET.slice(0, 8),
  BARE_SECRET.slice(0, 8),
];

const MISSING_UUID = '6f1c2b7e-9d1a-4c3e-8b2a-0d5e4f3a2b1c';
/** A valid value of a required query parameter, so hostile values of the others are read too. */
const REQUIRED_QUERY: Record<string, string> = {
  '/api/releases/{id}/template': 'environment=prod',
};

interface Refs {
  release: string;
  deployment: string;
  apiKey: string;
}

/** The path with every parameter set to an existing resource, except `hostile` for `name`. */
function realPath(
  operation: Operation,
  refs: Refs,
  hostile?: { name: string; value: string },
): string {
  const kind = operation.path.split('/')[2];
  const real: Record<string, string> = {
    channelRef: 'default',
    id: kind === 'releases' ? refs.release : kind === 'api-keys' ? refs.apiKey : refs.deployment,
  };
  const refOf: Record<string, string> = {
    environments: 'test',
    lifecycles: 'shop-lifecycle',
    projects: 'shop',
    tenants: 'acme',
    targets: 'shop-sandbox',
  };
  real.ref = refOf[kind];
  return operation.path.replace(/\{(\w+)\}/g, (_match, name: string) =>
    hostile?.name === name ? hostile.value : (real[name] ?? `unknown-${name}`),
  );
}

function casesFor(
  operation: Operation,
  refs: Refs,
  bases: Record<string, () => Record<string, unknown>>,
): HostileCase[] {
  const { method } = operation;
  const names = operation.parameters
    .filter((parameter) => parameter.in === 'path')
    .map((parameter) => parameter.name);
  // With a valid body where the route takes one, so the lookup runs rather than stopping at the body.
  const valid = operation.bodySchema ? bases[`${method} ${operation.path}`] : undefined;
  const pathCases = names.flatMap((name) =>
    HOSTILE_PATH_VALUES.map(([label, value]) => ({
      label: `path ${name}: ${label}`,
      method,
      url: realPath(operation, refs, { name, value }),
      ...(valid ? { body: JSON.stringify(valid()) } : {}),
    })),
  );
  // A DELETE would remove the seed: its queries go to a missing resource.
  const url =
    method === 'delete'
      ? realPath(operation, refs, { name: names[0], value: MISSING_UUID })
      : realPath(operation, refs);
  const queryNames = operation.parameters
    .filter((parameter) => parameter.in === 'query')
    .map((parameter) => parameter.name);
  const queryCases = [
    ...HOSTILE_QUERIES.map(([label, query]) => ({
      label: `query ${label}`,
      method,
      url: `${url}?${query}`,
    })),
    ...queryNames.flatMap((name) => {
      const query = (text: string) =>
        `${url}?${REQUIRED_QUERY[operation.path] && !text.startsWith(REQUIRED_QUERY[operation.path].split('=')[0]) ? `${REQUIRED_QUERY[operation.path]}&` : ''}${text}`;
      return [
        ...HOSTILE_PARAM_VALUES.map(([label, value]) => ({
          label: `query ${name}=${label}`,
          method,
          url: query(`${name}=${value}`),
        })),
        { label: `query ${name} twice`, method, url: query(`${name}=a&${name}=b`) },
        { label: `query ${name}[]`, method, url: query(`${name}[]=a&${name}[x]=b`) },
      ];
    }),
  ];
  const headerCases = operation.parameters
    .filter((parameter) => parameter.in === 'header')
    .flatMap((parameter) =>
      HOSTILE_PARAM_VALUES.filter(
        ([label]) => !['nul', 'unicode', '10k string'].includes(label),
      ).map(([label, value]) => ({
        label: `header ${parameter.name}: ${label}`,
        method,
        url,
        headers: { [parameter.name]: decodeURIComponent(value) },
      })),
    );
  const bodyCases =
    method === 'get' || method === 'delete'
      ? []
      : operation.bodySchema
        ? hostileBodies(
            operation.bodySchema,
            bases[`${method} ${operation.path}`] ?? (() => ({})),
            method === 'post' || method === 'put',
          ).map((body) => ({ ...body, label: `body ${body.label}`, method, url }))
        : [
            { label: 'body malformed JSON', method, url, body: '{"x":', expect: [400] },
            {
              label: 'body 2 MiB',
              method,
              url,
              body: JSON.stringify({ x: 'n'.repeat(2 * 1024 * 1024) }),
              expect: [413],
            },
          ];
  return [...pathCases, ...queryCases, ...headerCases, ...bodyCases];
}

function send(api: ApiHarness, hostile: HostileCase): request.Test {
  const server = api.app.getHttpServer();
  let test = request(server)
    [hostile.method](hostile.url)
    .set('Authorization', `Bearer ${ADMIN_KEY}`);
  for (const [name, value] of Object.entries(hostile.headers ?? {})) test = test.set(name, value);
  if (hostile.body !== undefined) {
    if (hostile.contentType !== '')
      test = test.set('Content-Type', hostile.contentType ?? 'application/json');
    test = test.send(hostile.body);
  }
  return test
    .timeout(10_000)
    .buffer(true)
    .ok(() => true);
}

/** What is wrong with the response to one case, or null. */
function problemsWith(
  hostile: HostileCase & { errorPath?: string },
  response: request.Response,
): string | null {
  const status = response.status;
  const where = `${hostile.method.toUpperCase()} ${hostile.url.slice(0, 120)} [${hostile.label}] → ${status}`;
  if (status >= 500) return `${where}: ${response.text.slice(0, 300)}`;
  // A 500 in disguise: an event stream whose headers went out before the error.
  if (/^event: error$/m.test(response.text ?? ''))
    return `${where}: error event: ${response.text.slice(0, 300)}`;
  if (hostile.expect && !hostile.expect.includes(status))
    return `${where}: expected ${hostile.expect.join('|')}: ${response.text.slice(0, 300)}`;
  const text = response.text ?? '';
  const leaked = SECRETS.find((secret) => text.includes(secret));
  if (leaked) return `${where}: echoes a secret`;
  if (
    /\bat [\w.<>]+ \(|\.(ts|js):\d+|QueryFailedError|\bSELECT\b|\bINSERT INTO\b|violates .* constraint|relation "/.test(
      text,
    )
  )
    return `${where}: leaks internals: ${text.slice(0, 300)}`;
  if (status < 400 || hostile.method === 'head') return null;
  if (!/application\/problem\+json/.test(response.headers['content-type'] ?? ''))
    return `${where}: content-type ${response.headers['content-type']}`;
  const body = JSON.parse(text) as {
    type?: unknown;
    title?: unknown;
    status?: unknown;
    detail?: unknown;
    errors?: { path: string }[];
  };
  if (
    body.status !== status ||
    typeof body.type !== 'string' ||
    typeof body.title !== 'string' ||
    typeof body.detail !== 'string'
  )
    return `${where}: not a problem: ${text.slice(0, 300)}`;
  if (
    status === 400 &&
    hostile.errorPath &&
    !body.errors?.some((error) => error.path === hostile.errorPath)
  )
    return `${where}: errors do not name ${hostile.errorPath}: ${text.slice(0, 300)}`;
  return null;
}

async function runAll(api: ApiHarness, cases: HostileCase[], batch = 24): Promise<string[]> {
  const failures: string[] = [];
  for (let start = 0; start < cases.length; start += batch) {
    const slice = cases.slice(start, start + batch);
    const responses = await Promise.all(
      slice.map((hostile) =>
        send(api, hostile).then(
          (response) => response,
          (error: Error) => error,
        ),
      ),
    );
    responses.forEach((response, index) => {
      const problem = !('status' in response)
        ? `${slice[index].method} ${slice[index].url.slice(0, 120)} [${slice[index].label}]: ${response.message}`
        : problemsWith(slice[index], response);
      if (problem) failures.push(problem);
    });
  }
  return failures;
}

describe('hostile input', () => {
  let api: ApiHarness;
  let operations: Operation[];
  let refs: Refs;
  beforeAll(async () => {
    api = await startApi('hostile');
    const releaseId = await seedWithTenantAndRelease(api);
    const deployment = await api
      .post(`/api/releases/${releaseId}/deployments`, { environment: 'dev', force: true })
      .expect(202);
    // Cancelled, so its log stream ends at once instead of waiting for a worker.
    await api.post(`/api/deployments/${deployment.body.items[0].id}/cancel`).expect(202);
    const key = await api.post('/api/api-keys', { name: 'spare', role: 'viewer' }).expect(201);
    refs = {
      release: releaseId,
      deployment: deployment.body.items[0].id,
      apiKey: key.body.id,
    };
    operations = operationsOf(
      (await api.get('/api/openapi.json').expect(200)).body as OpenApiDocument,
    );
  });
  afterAll(() => api.close());

  it('answers every hostile path, query, header and body on every operation without a 5xx', async () => {
    expect(operations.length).toBeGreaterThan(40);
    const bases = validBodies();
    const cases = operations.flatMap((operation) => casesFor(operation, refs, bases));
    const failures = await runAll(api, cases);
    expect(failures).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(cases.length).toBeGreaterThan(2000);
    // Thousands of requests: on a loaded machine they outlast jest's 60 s default. The test is
    // about answers, not speed (speed is measured in bench/).
  }, 300_000);

  // After the battery: every project it managed to create (odd but valid steps) must render.
  it('renders, releases and exports every project the battery created without a 5xx', async () => {
    const projects = (await api.get('/api/projects?limit=500').expect(200)).body.items as {
      slug: string;
      id: string;
      step: { containers: { name: string }[] };
    }[];
    expect(projects.length).toBeGreaterThan(10);
    const failures = await runAll(
      api,
      projects.flatMap((project) => [
        {
          label: 'cloudformation json',
          method: 'get' as const,
          url: `/api/projects/${project.id}/cloudformation`,
        },
        {
          label: 'cloudformation yaml',
          method: 'get' as const,
          url: `/api/projects/${project.id}/cloudformation?format=yaml`,
        },
        {
          label: 'release',
          method: 'post' as const,
          url: `/api/projects/${project.id}/releases`,
          body: JSON.stringify({
            images: Object.fromEntries(
              project.step.containers.map((container) => [container.name, '1.0.0']),
            ),
          }),
        },
      ]),
    );
    const releases = (await api.get('/api/deployments?limit=500').expect(200)).body.items as {
      release: { id: string };
    }[];
    const templates = [...new Set(releases.map((deployment) => deployment.release.id))].flatMap(
      (id) =>
        ['dev', 'test', 'prod'].map((environment) => ({
          label: `template ${environment}`,
          method: 'get' as const,
          url: `/api/releases/${id}/template?environment=${environment}&format=yaml`,
        })),
    );
    expect(templates.length).toBeGreaterThan(10);
    expect([...failures, ...(await runAll(api, templates))]).toEqual([]);
  });

  it('matches catastrophic-backtracking tag patterns (ReDoS) in linear time, and refuses lookaround with a 400', async () => {
    // On JavaScript's RegExp, `^(a+)+$` against 127 a's and a '.' would not finish in our lifetime.
    await api
      .post('/api/projects/shop/channels', {
        name: 'Catastrophic',
        rules: [
          { containers: ['web'], tagPattern: '^(a+)+$' },
          { containers: ['worker'], tagPattern: '^(a|a)*$' },
        ],
      })
      .expect(201);
    const almost = `${'a'.repeat(127)}.`;
    const refused = await api
      .post('/api/projects/shop/releases', {
        channel: 'catastrophic',
        images: { web: almost, worker: almost },
      })
      .expect(422);
    expect(refused.body.errors.map((error: { path: string }) => error.path)).toEqual([
      'images.web',
      'images.worker',
    ]);

    const lookahead = await api
      .post('/api/projects/shop/channels', {
        name: 'Lookahead',
        rules: [{ containers: ['web'], tagPattern: '^(?!latest)' }],
      })
      .expect(400);
    expect(lookahead.body.errors).toEqual([
      {
        path: 'rules.0.tagPattern',
        message:
          "'^(?!latest)' is not a valid regular expression: invalid or unsupported Perl syntax: `(?!`",
      },
    ]);
  });

  it.each([
    [
      'put',
      '/api/projects/shop/variables',
      {
        items: [
          { name: 'LogLevel', value: 'info' },
          { name: 'DesiredCount', value: '1' },
          { name: 'Db.Password', value: null, sensitive: true },
        ],
      },
    ],
    [
      'patch',
      '/api/lifecycles/shop-lifecycle',
      {
        phases: [
          { name: 'Development', environments: ['dev'], automatic: ['dev'] },
          { name: 'Testing', environments: ['test'] },
          { name: 'Production', environments: ['prod'] },
        ],
      },
    ],
    [
      'patch',
      '/api/tenants/acme',
      {
        tags: ['tier/gold'],
        projects: [{ project: 'shop', environments: ['dev', 'test', 'prod'] }],
      },
    ],
    [
      'patch',
      '/api/targets/shop-sandbox',
      { environments: ['dev', 'test', 'prod'], tenants: ['acme'] },
    ],
    ['post', '/api/projects/shop/releases', { images: { web: '1.0.0', worker: '1.0.0' } }],
  ] as const)(
    'answers the same %s %s sent 16 times at once without a 5xx',
    async (method, path, body) => {
      const responses = await Promise.all(
        Array.from({ length: 16 }, () => api[method](path, body)),
      );
      expect(
        responses.filter((response) => response.status >= 500).map((response) => response.text),
      ).toEqual([]);
    },
  );

  it('answers HEAD, OPTIONS and undocumented methods on every path without a 5xx', async () => {
    const paths = [...new Set(operations.map((operation) => operation.path))];
    const cases: HostileCase[] = paths.flatMap((path) => {
      const operation = operations.find((candidate) => candidate.path === path) as Operation;
      const url = realPath(operation, refs);
      const missing = METHODS.filter(
        (method) =>
          !operations.some((candidate) => candidate.path === path && candidate.method === method),
      );
      return [
        { label: 'HEAD', method: 'head' as const, url },
        { label: 'OPTIONS', method: 'options' as const, url },
        ...missing.map((method) => ({
          label: `undocumented ${method}`,
          method,
          url,
          expect: [404, 405],
        })),
      ];
    });
    expect(await runAll(api, cases)).toEqual([]);
  });
});
