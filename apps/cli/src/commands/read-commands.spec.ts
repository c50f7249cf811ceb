import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../testing/run-cli';
import { FakeApi, startFakeApi } from '../testing/fake-api-server';

const gantry = (api: FakeApi | undefined, args: string[], env: Record<string, string> = {}) =>
  runCli(args, {
    ...(api ? { GANTRY_SERVER: api.url } : {}),
    GANTRY_POLL_INTERVAL_MS: '5',
    ...env,
  });

const dashboard = {
  environments: [
    { id: 'e1', slug: 'dev' },
    { id: 'e2', slug: 'prod' },
  ],
  projects: [
    {
      project: { id: 'p1', slug: 'shop-web' },
      cells: [
        {
          environment: { id: 'e1', slug: 'dev' },
          release: { id: 'r1', version: '1.4.2' },
          status: 'succeeded',
        },
      ],
    },
    { project: { id: 'p2', slug: 'billing' }, cells: [] },
  ],
};

const line = (seq: number) => ({
  seq,
  at: `2026-01-01T10:00:0${seq}Z`,
  level: 'info',
  source: 'gantry',
  message: `line ${seq}`,
});
const cancelled = {
  id: 'd9',
  release: { id: 'r1', version: '1.4.2' },
  project: { id: 'p1', slug: 'shop-web' },
  environment: { id: 'e2', slug: 'prod' },
  tenant: null,
  status: 'cancelled',
};

describe('read-only commands against a local HTTP server', () => {
  let api: FakeApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('prints its version with --version', async () => {
    const { version } = JSON.parse(
      readFileSync(join(__dirname, '../../../../package.json'), 'utf8'),
    ) as { version: string };
    expect(await gantry(undefined, ['--version'])).toEqual({
      code: 0,
      out: `${version}\n`,
      err: '',
    });
  });

  it('prints the dashboard as a plain table, one project with --project', async () => {
    api = await startFakeApi({
      'GET /api/dashboard': { body: dashboard },
      'GET /api/deployments': { body: { items: [], next: null } },
    });
    expect(await gantry(api, ['status'])).toMatchObject({
      code: 0,
      out: 'PROJECT   dev              prod  WAITING\nshop-web  1.4.2 succeeded  -     -\nbilling   -                -     -\n',
    });
    const json = await gantry(api, ['status', '--project', 'billing', '-o', 'json']);
    expect(JSON.parse(json.out)).toMatchObject({ projects: [dashboard.projects[1]], waiting: [] });
  });

  it('says in WAITING what waits for approval and who may decide, paging the waiting deployments', async () => {
    const waiting = (id: string, tenant: string) => ({
      ...cancelled,
      id,
      tenant: { id: tenant, slug: tenant },
      status: 'waiting',
      interventions: [
        {
          step: 'approve-prod',
          instructions: 'Look first.',
          approvers: { roles: ['deployer'] },
          whoMayDecide: 'admins or deployers',
          preventSelfApproval: false,
          status: 'pending',
          requestedAt: '2026-12-04T10:00:00Z',
        },
      ],
    });
    api = await startFakeApi({
      'GET /api/dashboard': { body: dashboard },
      'GET /api/deployments': ({ query }) => ({
        body:
          query.get('after') === 'c1'
            ? { items: [waiting('d2', 'globex')], next: null }
            : { items: [waiting('d1', 'acme')], next: 'c1' },
      }),
    });
    const result = await gantry(api, ['status']);
    expect(result.out.split('\n')[1]).toBe(
      'shop-web  1.4.2 succeeded  -     prod 1.4.2 (2 tenants): admins or deployers',
    );
    expect(
      api.requests
        .filter((request) => request.path === '/api/deployments')
        .map((request) => [request.query.get('status'), request.query.get('after')]),
    ).toEqual([
      ['waiting', null],
      ['waiting', 'c1'],
    ]);
    const json = JSON.parse((await gantry(api, ['status', '-o', 'json'])).out);
    expect(json.waiting).toEqual([
      expect.objectContaining({
        deploymentId: 'd1',
        step: 'approve-prod',
        tenant: { id: 'acme', slug: 'acme' },
      }),
      expect.objectContaining({ deploymentId: 'd2', whoMayDecide: 'admins or deployers' }),
    ]);
  });

  it('prints a whole log, paging with after=', async () => {
    api = await startFakeApi({
      'GET /api/deployments/d9': { body: cancelled },
      'GET /api/deployments/d9/log': ({ query }) => ({
        body: {
          items:
            query.get('after') === '0'
              ? [line(1), line(2)]
              : query.get('after') === '2'
                ? [line(3)]
                : [],
        },
      }),
    });
    const result = await gantry(api, ['log', 'd9']);
    expect(result).toMatchObject({
      code: 0,
      out: '[prod] 10:00:01 gantry: line 1\n[prod] 10:00:02 gantry: line 2\n[prod] 10:00:03 gantry: line 3\n',
    });
    expect(api.requests.map((request) => request.query.get('after'))).toEqual([
      null,
      '0',
      '2',
      '3',
    ]);
  });

  it('exits 1 from log --follow when the deployment was cancelled', async () => {
    api = await startFakeApi({
      'GET /api/deployments/d9': { body: cancelled },
      'GET /api/deployments/d9/log': { body: { items: [] } },
    });
    const result = await gantry(api, ['log', 'd9', '--follow']);
    expect(result.code).toBe(1);
    expect(result.out).toContain('[prod] cancelled\n');
  });

  it('prints a release template exactly as served, with the query built from the options', async () => {
    api = await startFakeApi({
      'GET /api/projects/shop-web/releases': {
        body: { items: [{ id: 'r-142', version: '1.4.2' }], total: 1 },
      },
      'GET /api/releases/r-142/template': { text: 'AWSTemplateFormatVersion: "2010-09-09"\n' },
    });
    const result = await gantry(api, [
      'template',
      '--project',
      'shop-web',
      '--release',
      '1.4.2',
      '--environment',
      'prod',
      '--tenant',
      'acme',
      '--format',
      'yaml',
    ]);
    expect(result).toMatchObject({ code: 0, out: 'AWSTemplateFormatVersion: "2010-09-09"\n' });
    expect(api.requests[1].query.toString()).toBe('environment=prod&tenant=acme&format=yaml');
  });

  it('exports the step as a template, JSON by default', async () => {
    api = await startFakeApi({
      'GET /api/projects/shop-web/cloudformation': { body: { Resources: {} } },
    });
    const result = await gantry(api, ['export', '--project', 'shop-web']);
    expect(JSON.parse(result.out)).toEqual({ Resources: {} });
    expect(api.requests[0].query.get('format')).toBe('json');
  });

  it('uses --server and --api-key over the environment', async () => {
    api = await startFakeApi({
      'GET /api/dashboard': { body: dashboard },
      'GET /api/deployments': { body: { items: [], next: null } },
    });
    const result = await gantry(
      api,
      ['--server', `${api.url}/`, '--api-key', 'flag-key', 'status'],
      { GANTRY_SERVER: 'http://127.0.0.1:1', GANTRY_API_KEY: 'env-key' },
    );
    expect(result.code).toBe(0);
    expect(api.requests.map((request) => request.authorization)).toEqual([
      'Bearer flag-key',
      'Bearer flag-key',
    ]);
  });

  it.each([
    [401, 4],
    [403, 4],
    [500, 4],
    [404, 2],
  ])('exits on HTTP %d with %d', async (status, code) => {
    api = await startFakeApi({
      'GET /api/dashboard': { status, body: { title: 'No', status, detail: 'refused' } },
      'GET /api/deployments': { status, body: { title: 'No', status, detail: 'refused' } },
    });
    expect((await gantry(api, ['status'])).code).toBe(code);
  });

  it.each([
    [
      'a missing required option',
      ['deploy', '--project', 'p', '--to', 'test'],
      /required option '--release <version>' not specified/,
    ],
    ['an unknown command', ['destroy'], /unknown command 'destroy'/],
    [
      'a bad image',
      ['release', 'create', '--project', 'p', '--image', 'web'],
      /invalid --image 'web'/,
    ],
    [
      'a bad timeout',
      ['promote', '--project', 'p', '--from', 'a', '--to', 'b', '--timeout', 'soon'],
      /invalid duration 'soon'/,
    ],
    ['a bad output format', ['-o', 'xml', 'status'], /argument 'xml' is invalid/],
    [
      '--wait without --deploy-to',
      ['release', 'create', '--project', 'p', '--image', 'web=1', '--wait'],
      /need --deploy-to/,
    ],
    [
      'an apply file that cannot be read',
      ['apply', '-f', '/nonexistent/gantry.yaml'],
      /cannot read \/nonexistent\/gantry\.yaml/,
    ],
    ['a bad server URL', ['--server', 'localhost', 'status'], /invalid --server 'localhost'/],
  ])('exits 2 on %s', async (_name, args, message) => {
    const result = await gantry(undefined, args);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
  });

  it('exits 0 for --help, printing usage', async () => {
    const result = await gantry(undefined, ['deploy', '--help']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Usage: gantry deploy [options]');
  });
});
