import type { AddressInfo } from 'node:net';
import { runCli } from '../../apps/cli/src/testing/run-cli';
import { ADMIN_KEY } from '../support/api-harness';
import { deployClient } from '../support/deploy-client';
import { PlatformHarness, startPlatform } from '../support/platform-harness';
import { seedPlatform } from '../support/seed';

/** `gantry release show`, `deployments list`, `rollback` and `cancel` against the real platform. */
describe('gantry operations commands against the real platform', () => {
  let platform: PlatformHarness;
  let client: ReturnType<typeof deployClient>;
  let server: string;

  beforeAll(async () => {
    platform = await startPlatform('clioperations', { timeScale: 0.03 });
    client = deployClient(platform);
    await seedPlatform(platform.api, { project: 'ops' });
    await platform.api.app.listen(0, '127.0.0.1');
    server = `http://127.0.0.1:${(platform.api.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => platform.close());

  const gantry = (args: string[], env: Record<string, string> = {}) =>
    runCli(args, {
      GANTRY_SERVER: server,
      GANTRY_API_KEY: ADMIN_KEY,
      GANTRY_POLL_INTERVAL_MS: '50',
      ...env,
    });

  const releaseToDev = async (version: string) => {
    const created = await gantry([
      'release',
      'create',
      '--project',
      'ops',
      '--image',
      `web=${version}`,
      '--image',
      `worker=${version}`,
      '--deploy-to',
      'dev',
      '--wait',
      '--quiet',
    ]);
    expect(created).toMatchObject({ code: 0, err: '' });
    return created;
  };

  it('rolls dev back to the release that succeeded before the live one', async () => {
    await releaseToDev('1.0.0');
    await releaseToDev('1.1.0');
    const rolledBack = await gantry(['rollback', '--project', 'ops', '--to', 'dev', '--wait']);
    expect(rolledBack.code).toBe(0);
    expect(rolledBack.out).toContain('rolling back ops in dev: 1.1.0 → 1.0.0\n');
    expect(rolledBack.out).toMatch(/\[dev\] succeeded\n/);

    const listed = await gantry(['deployments', 'list', '--project', 'ops', '--limit', '3']);
    expect(listed.code).toBe(0);
    const rows = listed.out.trim().split('\n').slice(1);
    expect(rows.map((row) => row.split(/\s+/).slice(2, 6))).toEqual([
      ['1.0.0', 'dev', '-', 'succeeded'],
      ['1.1.0', 'dev', '-', 'succeeded'],
      ['1.0.0', 'dev', '-', 'succeeded'],
    ]);
  });

  it('shows a release: images and where it may go next, as text and as YAML', async () => {
    const shown = await gantry(['release', 'show', '--project', 'ops', '--release', '1.1.0']);
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/^release 1\.1\.0 of ops \(/);
    expect(shown.out).toContain('CONTAINER  TAG\nweb        1.1.0\nworker     1.1.0\n');
    expect(shown.out).toMatch(/\ntest +- +allowed/);
    const yaml = await gantry([
      '-o',
      'yaml',
      'release',
      'show',
      '--project',
      'ops',
      '--release',
      '1.1.0',
    ]);
    expect(yaml.out).toMatch(/^id: [0-9a-f-]{36}\nversion: 1\.1\.0\n/);
  });

  it('says --force where the server says force, and how to set a missing key', async () => {
    const again = await gantry(['deploy', '--project', 'ops', '--release', '1.0.0', '--to', 'dev']);
    expect(again.code).toBe(2);
    expect(again.err).toContain('use --force to deploy it again');
    expect(again.err).not.toContain('"force"');
    const keyless = await runCli(['status'], { GANTRY_SERVER: server });
    expect(keyless.code).toBe(4);
    expect(keyless.err).toContain('export GANTRY_API_KEY=<key>');
  });
  it('cancels a running deployment and reports it cancelled', async () => {
    const release = await client.createRelease('ops', '1.2.0', '1.2.0-slow');
    const deployment = await client.onlyOf('ops', 'dev', release.id);
    const cancelled = await gantry(['cancel', deployment.id, '--wait']);
    expect(cancelled.out).toContain(`cancel requested for deployment ${deployment.id}`);
    expect(cancelled.out).toMatch(/\[dev\] cancelled/);
    expect(cancelled.code).toBe(1);
  });

  it('shows the elapsed time and the ECS service events while the stack sits in UPDATE_IN_PROGRESS', async () => {
    // A slow image keeps the service starting (and the stack in UPDATE_IN_PROGRESS) for a while.
    const waited = await gantry(
      [
        'release',
        'create',
        '--project',
        'ops',
        '--image',
        'web=1.3.0-slow',
        '--image',
        'worker=1.3.0',
        '--version',
        '1.3.0',
        '--deploy-to',
        'dev',
        '--wait',
      ],
      { GANTRY_PROGRESS_INTERVAL_MS: '300' },
    );
    expect(waited).toMatchObject({ code: 0, err: '' });
    expect(waited.out).toMatch(/^\[dev\] running for \d+s: gantry-ops-dev UPDATE_IN_PROGRESS$/m);
    expect(waited.out).toMatch(
      /^\[dev\] \d\d:\d\d:\d\d ecs: \[service\/ops-sandbox\] \(service gantry-ops-dev\) has started 1 tasks: \(task [0-9a-f]+\)\.$/m,
    );
    expect(waited.out).toMatch(/\[dev\] succeeded\n/);
  });
});
