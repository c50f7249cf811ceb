import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../apps/cli/src/testing/run-cli';
import { closedPort } from '../support/closed-port';
import { ADMIN_KEY, ApiHarness, startApi } from '../support/api-harness';

const SETUP = `
environments:
  - name: Dev
  - name: Test
  - name: Production
    slug: prod
    description: customers see this one
lifecycles:
  - name: Standard
    phases:
      - { name: Dev, environments: [dev], automatic: [dev] }
      - { name: Test, environments: [test] }
      - { name: Production, environments: [prod] }
projects:
  - name: Shop Web
    lifecycle: standard
    targetTags: [web]
    step:
      containers:
        - name: web
          image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop-web
          portMappings: [{ containerPort: 8080 }]
          environment: { LOG_LEVEL: "#{LogLevel}" }
      task: { cpu: "256", memory: "512" }
      service:
        desiredCount: "#{DesiredCount}"
        network: { subnets: [subnet-0a1b2c3d], securityGroups: [sg-0a1b2c3d] }
    channels:
      - name: Hotfix
        rules: [{ containers: [web], tagPattern: "^hotfix-" }]
    variables:
      - { name: LogLevel, value: info }
      - { name: LogLevel, value: debug, scope: { environments: [dev], channels: [hotfix] } }
      - { name: DesiredCount, value: 2 }
      - { name: DbPassword, value: hunter2, sensitive: true, scope: { environments: [prod] } }
`;

const CREATED = [
  'environment dev created',
  'environment test created',
  'environment prod created',
  'lifecycle standard created',
  'project shop-web created',
  'channel shop-web/hotfix created',
  'variables shop-web created',
];

describe('gantry CLI against the real API', () => {
  let api: ApiHarness;
  let server: string;
  let dir: string;

  beforeAll(async () => {
    api = await startApi('cli');
    await api.app.listen(0, '127.0.0.1');
    server = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    dir = await mkdtemp(join(tmpdir(), 'gantry-cli-'));
  });
  afterAll(async () => {
    await api.close();
    await rm(dir, { recursive: true, force: true });
  });

  const gantry = (args: string[], env: Record<string, string> = {}) =>
    runCli(args, { GANTRY_SERVER: server, GANTRY_API_KEY: ADMIN_KEY, ...env });

  async function file(name: string, text: string): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  }

  it('creates everything in the file, in an order that satisfies references', async () => {
    const result = await gantry(['apply', '-f', await file('gantry.yaml', SETUP)]);
    expect(result).toEqual({ code: 0, out: CREATED.map((line) => `${line}\n`).join(''), err: '' });
    const lifecycle = (await api.get('/api/lifecycles/standard').expect(200)).body;
    expect(lifecycle.phases[0].automatic).toEqual([expect.objectContaining({ slug: 'dev' })]);
    const project = (await api.get('/api/projects/shop-web').expect(200)).body;
    expect(project).toMatchObject({ lifecycle: { slug: 'standard' }, targetTags: ['web'] });
    const variables = (await api.get('/api/projects/shop-web/variables').expect(200)).body.items;
    expect(variables).toContainEqual({
      name: 'DesiredCount',
      value: '2',
      sensitive: false,
      scope: {},
    });
    expect(variables).toContainEqual({
      name: 'DbPassword',
      value: null,
      sensitive: true,
      scope: { environments: ['prod'] },
    });
  });

  it('changes nothing when the same file is applied again', async () => {
    const result = await gantry(['apply', '-f', join(dir, 'gantry.yaml')]);
    expect(result.code).toBe(0);
    expect(result.out).toBe(
      CREATED.map((line) => `${line.replace('created', 'unchanged')}\n`).join(''),
    );
  });

  it('updates only what differs, and keeps a stored secret', async () => {
    const changed = SETUP.replace('customers see this one', 'live').replace(
      '{ name: LogLevel, value: info }',
      '{ name: LogLevel, value: warn }',
    );
    const result = await gantry(['apply', '-f', await file('changed.yaml', changed)]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('environment prod updated (description)\n');
    expect(result.out).toContain('environment dev unchanged\n');
    expect(result.out).toContain('project shop-web unchanged\n');
    expect(result.out).toContain('variables shop-web updated\n');
    const [row] = await api.db.dataSource.query(
      `SELECT value_encrypted FROM variables WHERE name = 'DbPassword'`,
    );
    expect(row.value_encrypted).toMatch(/^v1:/);
  });

  it('creates and lists a release, shows the dashboard and the automatic deployment in dev', async () => {
    const created = await gantry([
      'release',
      'create',
      '--project',
      'shop-web',
      '--version',
      '1.0.0',
      '--image',
      'web=1.0.0',
      '--notes',
      'first',
    ]);
    expect(created).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^created release 1\.0\.0 of shop-web \(\S+\)\n$/),
    });
    const list = await gantry(['release', 'list', '--project', 'shop-web']);
    expect(list.out).toMatch(
      /^VERSION +CHANNEL +CREATED +NOTES +ID\n1\.0\.0 +default +\S+ +first +\S+\n$/,
    );
    const [automatic] = (await api.get('/api/deployments?project=shop-web').expect(200)).body.items;
    expect(automatic).toMatchObject({ environment: { slug: 'dev' } });
    // No target serves these environments yet, so the automatic deployment ends failed.
    const followed = await gantry(['log', automatic.id, '--follow'], {
      GANTRY_POLL_INTERVAL_MS: '20',
    });
    expect(followed.code).toBe(1);
    expect(followed.out).toMatch(/\[dev\] failed/);
    const status = await gantry(['status']);
    expect(status).toMatchObject({
      code: 0,
      out: 'PROJECT   dev           test  prod  WAITING\nshop-web  1.0.0 failed  -     -     -\n',
    });
  });

  it("with --deploy-to an automatic environment, reports the lifecycle's deployment instead of a refusal", async () => {
    const result = await gantry([
      '--output',
      'json',
      'release',
      'create',
      '--project',
      'shop-web',
      '--version',
      '1.0.1',
      '--image',
      'web=1.0.1',
      '--deploy-to',
      'dev',
    ]);
    expect(result.code).toBe(0);
    const { release, deployments } = JSON.parse(result.out);
    expect(deployments).toEqual([
      expect.objectContaining({ environment: expect.objectContaining({ slug: 'dev' }) }),
    ]);
    const all = await api.get(`/api/deployments?project=shop-web`).expect(200);
    const ofRelease = all.body.items.filter(
      (item: { release: { id: string } }) => item.release.id === release.id,
    );
    expect(ofRelease.map((item: { id: string }) => item.id)).toEqual([deployments[0].id]);
  });

  it('shows the live release next to a later failed and a cancelled attempt', async () => {
    const sql = (query: string, parameters: unknown[]) =>
      api.db.dataSource.query(query, parameters);
    const latestInDev = async () =>
      (await api.get('/api/deployments?project=shop-web&environment=dev&limit=1').expect(200)).body
        .items[0].id;
    await sql(`UPDATE deployments SET status = 'succeeded', error = NULL WHERE id = $1`, [
      await latestInDev(),
    ]);
    await gantry([
      'release',
      'create',
      '--project',
      'shop-web',
      '--version',
      '1.0.2',
      '--image',
      'web=1.0.2',
    ]);
    await sql(`UPDATE deployments SET status = 'failed' WHERE id = $1`, [await latestInDev()]);
    await gantry([
      'release',
      'create',
      '--project',
      'shop-web',
      '--version',
      '1.0.3',
      '--image',
      'web=1.0.3',
    ]);
    const attempt = await latestInDev();
    await sql(`UPDATE deployments SET status = 'queued', error = NULL WHERE id = $1`, [attempt]);
    await api.post(`/api/deployments/${attempt}/cancel`).expect(202);
    const status = await gantry(['status', '--project', 'shop-web']);
    expect(status).toMatchObject({
      code: 0,
      out: 'PROJECT   dev                          test  prod  WAITING\nshop-web  1.0.1 live, 1.0.3 cancelled  -     -     -\n',
    });
  });

  it('exits 2 with the reason when the lifecycle forbids a deployment', async () => {
    const result = await gantry([
      'deploy',
      '--project',
      'shop-web',
      '--release',
      '1.0.0',
      '--to',
      'prod',
    ]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(
      /^error: POST \/api\/releases\/\S+\/deployments refused with 409 — .+\n {2}environment: .+\n$/,
    );
  });

  it('prints results as JSON with --output json', async () => {
    const result = await gantry(['--output', 'json', 'apply', '-f', join(dir, 'changed.yaml')]);
    expect(result.code).toBe(0);
    const { results } = JSON.parse(result.out);
    expect(results).toHaveLength(CREATED.length);
    expect(results[0]).toEqual({ kind: 'environment', key: 'dev', action: 'unchanged' });
  });

  it("exits 2 and prints the server's problem with each field path when it refuses the file", async () => {
    const bad = 'environments:\n  - name: Staging\n    colour: blue\n';
    const result = await gantry(['apply', '-f', await file('bad.yaml', bad)]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^error: POST \/api\/environments refused with 400/);
    expect(result.err).toMatch(/\n {2}colour: .+\n/);
  });

  it('exits 2 on a file it cannot read as an apply file, before calling the server', async () => {
    const result = await gantry([
      'apply',
      '-f',
      await file('broken.yaml', 'environments:\n  - slug: x\n'),
    ]);
    expect(result).toEqual({
      code: 2,
      out: '',
      err: 'error: the file is invalid\n  environments.0.name: required\n',
    });
  });

  it('exits 4 when the server cannot be reached', async () => {
    const closed = await closedPort();
    const result = await gantry(['apply', '-f', join(dir, 'gantry.yaml')], {
      GANTRY_SERVER: `http://127.0.0.1:${closed}`,
    });
    expect(result.code).toBe(4);
    expect(result.err).toBe(
      `error: cannot reach the Gantry server at http://127.0.0.1:${closed}: ECONNREFUSED\n`,
    );
  });

  it('exits 4 with a bad API key', async () => {
    const result = await gantry(['apply', '-f', join(dir, 'gantry.yaml')], {
      GANTRY_API_KEY: 'not-a-key',
    });
    expect(result.code).toBe(4);
    expect(result.err).toMatch(/refused with 401/);
  });
});
