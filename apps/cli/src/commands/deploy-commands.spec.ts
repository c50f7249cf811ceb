import { runCli } from '../testing/run-cli';
import { FakeApi, startFakeApi } from '../testing/fake-api-server';

const KEY = 'k-123';

function deployment(id: string, status: string, tenant: string | null = null) {
  return {
    id,
    release: { id: 'r-142', version: '1.4.2' },
    project: { id: 'p1', slug: 'shop-web' },
    environment: { id: 'e2', slug: 'test' },
    tenant: tenant ? { id: `t-${tenant}`, slug: tenant } : null,
    status,
    targets: [],
    startedAt: '2026-01-01T10:00:00Z',
    finishedAt: status === 'succeeded' || status === 'failed' ? '2026-01-01T10:00:42Z' : null,
    ...(status === 'failed'
      ? { error: 'circuit breaker tripped', errorDetails: 'Task t1 stopped\nService event: failed' }
      : {}),
  };
}

/** A deployment that is running for `runningPolls` polls and then ends with `final`. */
function progressing(
  id: string,
  final: string,
  runningPolls: number,
  tenant: string | null = null,
) {
  let polls = 0;
  return {
    [`GET /api/deployments/${id}`]: () => ({
      body: deployment(id, ++polls > runningPolls ? final : 'running', tenant),
    }),
    [`GET /api/deployments/${id}/log`]: ({ query }: { query: URLSearchParams }) => {
      const after = Number(query.get('after'));
      const lines = [1, 2, 3].filter((seq) => seq > after && seq <= polls + 1);
      return {
        body: {
          items: lines.map((seq) => ({
            seq,
            at: `2026-01-01T10:00:0${seq}Z`,
            level: 'info',
            source: 'cloudformation',
            message: `event ${seq}`,
          })),
        },
      };
    },
  };
}

/** `release create` of 1.4.2 with `--deploy-to test --wait`. */
const CREATE_AND_FOLLOW_IN_TEST = [
  'release',
  'create',
  '--project',
  'shop-web',
  '--image',
  'web=1.4.2',
  '--deploy-to',
  'test',
  '--wait',
];

/** `deploy` of shop-web 1.4.2 to test, before the options a test adds. */
const DEPLOY_142_TO_TEST = [
  'deploy',
  '--project',
  'shop-web',
  '--release',
  '1.4.2',
  '--to',
  'test',
];

const gantry = (api: FakeApi, args: string[]) =>
  runCli(args, { GANTRY_SERVER: api.url, GANTRY_API_KEY: KEY, GANTRY_POLL_INTERVAL_MS: '5' });

describe('release, deploy and promote against a local HTTP server', () => {
  let api: FakeApi;
  afterEach(() => api.close());

  // --version after the command is the release's version, not gantry's own.
  it('creates a release with its version, images and the API key from the environment', async () => {
    api = await startFakeApi({
      'POST /api/projects/shop-web/releases': {
        status: 201,
        body: { id: 'r-142', version: '1.4.2', deployments: [], deploymentsTotal: 0 },
      },
    });
    const result = await gantry(api, [
      'release',
      'create',
      '--project',
      'shop-web',
      '--image',
      'web=1.4.2',
      '--image',
      'worker=1.4.2',
      '--notes',
      'fix',
      '--channel',
      'hotfix',
      '--version',
      '1.4.2',
    ]);
    expect(result).toMatchObject({ code: 0, out: 'created release 1.4.2 of shop-web (r-142)\n' });
    expect(api.requests[0]).toMatchObject({
      authorization: `Bearer ${KEY}`,
      body: {
        channel: 'hotfix',
        images: { web: '1.4.2', worker: '1.4.2' },
        notes: 'fix',
        version: '1.4.2',
      },
    });
  });

  it('creates, deploys and follows with --deploy-to --wait, printing log lines and a summary', async () => {
    api = await startFakeApi({
      'POST /api/projects/shop-web/releases': {
        status: 201,
        body: { id: 'r-142', version: '1.4.2', deployments: [], deploymentsTotal: 0 },
      },
      'POST /api/releases/r-142/deployments': {
        status: 202,
        body: { items: [deployment('d1', 'queued', 'acme')] },
      },
      ...progressing('d1', 'succeeded', 2, 'acme'),
    });
    const result = await gantry(api, CREATE_AND_FOLLOW_IN_TEST);
    expect(result.code).toBe(0);
    expect(api.requests[1].body).toEqual({ environment: 'test' });
    expect(result.out).toContain(
      '[acme/test] 10:00:01 cloudformation: event 1\n[acme/test] 10:00:02 cloudformation: event 2\n[acme/test] 10:00:03 cloudformation: event 3\n[acme/test] succeeded\n',
    );
    expect(result.out).toMatch(
      /DEPLOYMENT +PROJECT +RELEASE +ENVIRONMENT +TENANT +STATUS +DURATION +ERROR\nd1 +shop-web +1\.4\.2 +test +acme +succeeded +42s +-\n$/,
    );
  });

  it('follows the automatic deployments instead of asking again when the lifecycle already deploys there', async () => {
    api = await startFakeApi({
      'POST /api/projects/shop-web/releases': {
        status: 201,
        body: {
          id: 'r-142',
          version: '1.4.2',
          deployments: [deployment('d1', 'queued')],
          deploymentsTotal: 1,
        },
      },
      ...progressing('d1', 'succeeded', 1),
    });
    const result = await gantry(api, CREATE_AND_FOLLOW_IN_TEST);
    expect(result.code).toBe(0);
    expect(api.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
    expect(result.out).toContain('the lifecycle already deploys 1.4.2 to test on its own\n');
    expect(result.out).toContain('[test] succeeded\n');
  });

  it('finds the release by version across pages, then deploys to tenants', async () => {
    const page = (offset: number) =>
      Array.from({ length: 100 }, (_, index) => ({
        id: `r-${offset + index}`,
        version: `9.0.${offset + index}`,
      }));
    api = await startFakeApi({
      'GET /api/projects/shop-web/releases': ({ query }) => ({
        body: {
          items: query.get('offset') === '0' ? page(0) : [{ id: 'r-142', version: '1.4.2' }],
          total: 101,
        },
      }),
      'POST /api/releases/r-142/deployments': {
        status: 202,
        body: { items: [deployment('d1', 'queued', 'acme'), deployment('d2', 'queued', 'globex')] },
      },
    });
    const result = await gantry(api, [
      ...DEPLOY_142_TO_TEST,
      '--tenant',
      'acme',
      '--tenant',
      'globex',
      '--tenant-tag',
      'tier/gold',
      '--force',
    ]);
    expect(result.code).toBe(0);
    expect(
      api.requests.map((request) => `${request.method} ${request.path}?${request.query}`),
    ).toEqual([
      'GET /api/projects/shop-web/releases?limit=100&offset=0',
      'GET /api/projects/shop-web/releases?limit=100&offset=100',
      'POST /api/releases/r-142/deployments?',
    ]);
    expect(api.requests[2].body).toEqual({
      environment: 'test',
      tenants: ['acme', 'globex'],
      tenantTags: ['tier/gold'],
      force: true,
    });
    expect(result.out).toContain('started 2 deployment(s) of shop-web 1.4.2 to test\n');
    expect(result.out).toMatch(/\nd2 +shop-web +1\.4\.2 +test +globex +queued/);
  });

  it.each([
    ['a failed deployment exits 1', 'failed', [], 1, /d2 .*failed .*circuit breaker tripped/],
    ['a timeout exits 3', 'succeeded', ['--timeout', '150ms'], 3, /timed out after/],
  ])('%s', async (_name, final, extra, code, message) => {
    api = await startFakeApi({
      'GET /api/projects/shop-web/releases': {
        body: { items: [{ id: 'r-142', version: '1.4.2' }], total: 1 },
      },
      'POST /api/releases/r-142/deployments': {
        status: 202,
        body: { items: [deployment('d1', 'queued'), deployment('d2', 'queued')] },
      },
      ...progressing('d1', 'succeeded', 1),
      ...progressing('d2', final, code === 3 ? 1_000_000 : 3),
    });
    const result = await gantry(api, [...DEPLOY_142_TO_TEST, '--wait', ...extra]);
    expect(result.code).toBe(code);
    expect(`${result.out}${result.err}`).toMatch(message);
  });

  it("prints a failed deployment's details only with --verbose", async () => {
    const routes = () => ({
      'GET /api/projects/shop-web/releases': {
        body: { items: [{ id: 'r-142', version: '1.4.2' }], total: 1 },
      },
      'POST /api/releases/r-142/deployments': {
        status: 202,
        body: { items: [deployment('d2', 'queued')] },
      },
      ...progressing('d2', 'failed', 1),
    });
    api = await startFakeApi(routes());
    const plain = await gantry(api, [...DEPLOY_142_TO_TEST, '--wait']);
    expect(plain.out).toContain('[test] failed: circuit breaker tripped\n');
    expect(plain.out).not.toContain('Task t1');
    await api.close();
    api = await startFakeApi(routes());
    const verbose = await gantry(api, ['--verbose', ...DEPLOY_142_TO_TEST, '--wait']);
    expect(verbose.out).toContain(
      '[test] failed: circuit breaker tripped\n    Task t1 stopped\n    Service event: failed\n',
    );
  });

  it('prints JSON only on stdout with --output json --wait', async () => {
    api = await startFakeApi({
      'GET /api/projects/shop-web/releases': {
        body: { items: [{ id: 'r-142', version: '1.4.2' }], total: 1 },
      },
      'POST /api/releases/r-142/deployments': {
        status: 202,
        body: { items: [deployment('d1', 'queued')] },
      },
      ...progressing('d1', 'succeeded', 1),
    });
    const result = await gantry(api, ['--output', 'json', ...DEPLOY_142_TO_TEST, '--wait']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({
      timedOut: false,
      deployments: [{ id: 'd1', status: 'succeeded' }],
    });
    expect(result.err).toContain('[test] 10:00:01 cloudformation: event 1');
  });

  it('refuses an unknown release version with exit 2', async () => {
    api = await startFakeApi({
      'GET /api/projects/shop-web/releases': { body: { items: [], total: 0 } },
    });
    const result = await gantry(api, [
      'deploy',
      '--project',
      'shop-web',
      '--release',
      '3.0.0',
      '--to',
      'test',
    ]);
    expect(result).toMatchObject({
      code: 2,
      err: "error: project 'shop-web' has no release '3.0.0'\n",
    });
  });

  it('promotes, printing the problem when the lifecycle forbids it', async () => {
    const problem = {
      type: 'https://gantry.dev/problems/lifecycle-forbids',
      title: 'Lifecycle forbids',
      status: 409,
      detail: 'prod needs test first',
      errors: [{ path: 'to', message: 'missing: test' }],
    };
    api = await startFakeApi({
      'POST /api/projects/shop-web/promote': { status: 409, body: problem },
    });
    const result = await gantry(api, [
      'promote',
      '--project',
      'shop-web',
      '--from',
      'dev',
      '--to',
      'prod',
      '--tenant-tag',
      'tier/gold',
    ]);
    expect(api.requests[0].body).toEqual({ from: 'dev', to: 'prod', tenantTags: ['tier/gold'] });
    expect(result).toMatchObject({
      code: 2,
      err: 'error: POST /api/projects/shop-web/promote refused with 409 — Lifecycle forbids: prod needs test first\n  to: missing: test\n',
    });
  });
});
