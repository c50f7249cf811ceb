import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { runCli } from '../../apps/cli/src/testing/run-cli';
import { ADMIN_KEY } from '../support/api-harness';
import { deployClient } from '../support/deploy-client';
import { PlatformHarness, startPlatform } from '../support/platform-harness';

const EXAMPLE = join(__dirname, '../../docs/examples/process.yaml');

describe('docs/examples/process.yaml: a process of several steps through the CLI', () => {
  let platform: PlatformHarness;
  let server: string;

  beforeAll(async () => {
    platform = await startPlatform('cli-process');
    await platform.api.app.listen(0, '127.0.0.1');
    const { port } = platform.api.app.getHttpServer().address() as AddressInfo;
    server = `http://127.0.0.1:${port}`;
  });
  afterAll(() => platform.close());

  const cli = (...args: string[]) =>
    runCli(args, { GANTRY_SERVER: server, GANTRY_API_KEY: ADMIN_KEY });

  it('applies the steps, then finds nothing to change', async () => {
    const first = await cli('apply', '-f', EXAMPLE);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toContain('project shop-platform created');
    const second = await cli('apply', '-f', EXAMPLE);
    expect(second).toMatchObject({ code: 0, err: '' });
    expect(second.out).toBe(first.out.replace(/ created\n/g, ' unchanged\n'));
  });

  it('releases every image with --default-tag (one named with --image step/container) then runs the migration and deploys web and worker to dev', async () => {
    const created = await cli(
      'release',
      'create',
      '--project',
      'shop-platform',
      '--default-tag',
      '1.4.2',
      '--image',
      'worker/worker=1.4.1',
    );
    expect(created).toMatchObject({ code: 0 });
    expect(created.out).toMatch(/^created release 1\.4\.2 of shop-platform /);
    const release = (await platform.api.get('/api/projects/shop-platform/releases').expect(200))
      .body.items[0];
    expect(release).toMatchObject({
      version: '1.4.2',
      images: { migrate: '1.4.2', web: '1.4.2', worker: '1.4.1', smoke: '1.4.2' },
    });
    const client = deployClient(platform);
    const dev = await client.finished(
      (await client.onlyOf('shop-platform', 'dev', release.id)).id,
      60_000,
    );
    expect(dev.status).toBe('succeeded');
    expect(dev.targets.map((t) => t.stackName).sort()).toEqual([
      'gantry-shop-platform-migrate-database-dev',
      'gantry-shop-platform-web-dev',
      'gantry-shop-platform-worker-dev',
    ]);
    expect(await client.log(dev.id)).toContain('[smoke-tests] Skipped: it runs only in prod.');
    expect(await client.log(dev.id)).toContain(
      '[approve-production] Skipped: it runs only in prod.',
    );
  });

  it('production waits for an approval: --wait says who may decide, the starter may not approve, a deployer does', async () => {
    expect(
      await cli('promote', '--project', 'shop-platform', '--from', 'dev', '--to', 'test', '--wait'),
    ).toMatchObject({ code: 0 });
    const waited = await cli(
      'promote',
      '--project',
      'shop-platform',
      '--from',
      'test',
      '--to',
      'prod',
      '--wait',
      '--timeout',
      '4s',
    );
    // The deployment waits for people: --wait says so and keeps waiting until its timeout (exit 3).
    expect(waited.code).toBe(3);
    expect(waited.out).toContain(
      "[prod] waiting for approval: admins, deployers or the API key 'release-manager' (step 'approve-production', rejected if undecided by ",
    );
    expect(waited.out).toContain(
      '[prod]   Check the **error rate** of this release in test, then approve.',
    );
    const client = deployClient(platform);
    const [prod] = (
      await platform.api.get('/api/deployments?project=shop-platform&environment=prod').expect(200)
    ).body.items;
    expect(prod.status).toBe('waiting');
    // gantry status says what waits and who may decide, in its WAITING column and its JSON.
    const status = await cli('status', '--project', 'shop-platform');
    expect(status.out.split('\n')[0]).toMatch(/ WAITING$/);
    expect(status.out.split('\n')[1]).toMatch(
      / prod \S+: admins, deployers or the API key 'release-manager'$/,
    );
    const json = JSON.parse((await cli('status', '-o', 'json')).out);
    expect(json.waiting).toEqual([
      expect.objectContaining({ deploymentId: prod.id, step: 'approve-production' }),
    ]);

    // The admin key started it, and the step prevents self-approval.
    const self = await cli('approve', '--deployment', prod.id);
    expect(self.code).toBe(4);
    expect(self.err).toContain('Someone else must approve');
    const deployer = await platform.api
      .post('/api/api-keys', { name: 'release-manager', role: 'deployer' })
      .expect(201);
    const approved = await runCli(
      ['approve', '--deployment', prod.id, '--note', 'error rate is flat'],
      { GANTRY_SERVER: server, GANTRY_API_KEY: deployer.body.key },
    );
    expect(approved).toMatchObject({
      code: 0,
      out: `approved step 'approve-production' of deployment ${prod.id}: it is running\n`,
    });
    const done = await client.finished(prod.id, 60_000);
    expect(done.status).toBe('succeeded');
    expect(done.targets.map((t) => t.stackName).sort()).toEqual([
      'gantry-shop-platform-migrate-database-prod',
      'gantry-shop-platform-smoke-tests-prod',
      'gantry-shop-platform-web-prod',
      'gantry-shop-platform-worker-prod',
    ]);
  });
});
