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

  it('releases every image with --default-tag (one named with --image step/container) and deploys web and worker to dev', async () => {
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
      images: { web: '1.4.2', worker: '1.4.1', smoke: '1.4.2' },
    });
    const client = deployClient(platform);
    const dev = await client.finished(
      (await client.onlyOf('shop-platform', 'dev', release.id)).id,
      60_000,
    );
    expect(dev.status).toBe('succeeded');
    expect(dev.targets.map((t) => t.stackName).sort()).toEqual([
      'gantry-shop-platform-web-dev',
      'gantry-shop-platform-worker-dev',
    ]);
    expect(await client.log(dev.id)).toContain('[smoke-tests] Skipped: it runs only in prod.');
  });
});
