import type { AddressInfo } from 'node:net';
import { runCli } from '../../apps/cli/src/testing/run-cli';
import { ADMIN_KEY } from '../support/api-harness';
import { deployClient } from '../support/deploy-client';
import { PlatformHarness, startPlatform } from '../support/platform-harness';
import { seedPlatform } from '../support/seed';

/** `gantry diff` (POST /api/releases/:id/diff): a change set created, read and deleted, never executed. */
describe('gantry diff against the real platform', () => {
  let platform: PlatformHarness;
  let client: ReturnType<typeof deployClient>;
  let server: string;

  beforeAll(async () => {
    platform = await startPlatform('clidiff', { timeScale: 0.02 });
    client = deployClient(platform);
    await seedPlatform(platform.api, { project: 'diffs' });
    await platform.api.app.listen(0, '127.0.0.1');
    server = `http://127.0.0.1:${(platform.api.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => platform.close());

  const gantry = (args: string[]) =>
    runCli(args, { GANTRY_SERVER: server, GANTRY_API_KEY: ADMIN_KEY });

  it('shows the image and environment changes of a new release before deploying it', async () => {
    const first = await client.createRelease('diffs', '1.0.0', '1.0.0');
    expect((await client.finished((await client.onlyOf('diffs', 'dev', first.id)).id)).status).toBe(
      'succeeded',
    );
    const [toTest] = await client.deploy(first.id, { environment: 'test' });
    expect((await client.finished(toTest.id)).status).toBe('succeeded');

    await platform.api
      .put('/api/projects/diffs/variables', {
        items: [
          { name: 'LogLevel', value: 'warn' },
          { name: 'DesiredCount', value: '1' },
          { name: 'DesiredCount', value: '2', scope: { environments: ['prod'] } },
          { name: 'Db.Password', value: null, sensitive: true },
        ],
      })
      .expect(200);
    const second = await client.createRelease('diffs', '1.1.0', '1.1.0');
    // Its automatic deployment to dev ends first, so the counts below are the diff's alone.
    await client.finished((await client.onlyOf('diffs', 'dev', second.id)).id);
    const before = await client.sandboxState();

    const diff = await gantry(['diff', '--project', 'diffs', '--release', '1.1.0', '--to', 'test']);
    expect(diff).toMatchObject({ code: 0, err: '' });
    const lines = diff.out.split('\n');
    expect(lines[0]).toBe('diffs 1.1.0 → test (target diffs-sandbox, stack gantry-diffs-test)');
    expect(lines).toContain('Modify TaskDefinition (AWS::ECS::TaskDefinition), replaced');
    expect(diff.out).toMatch(
      /\n {2}\/Properties\/ContainerDefinitions\/0\/Image: \S+:1\.0\.0 → \S+:1\.1\.0\n/,
    );
    expect(diff.out).toMatch(
      /\n {2}\/Properties\/ContainerDefinitions\/0\/Environment\/\d+\/Value: info → warn\n/,
    );
    expect(diff.out).not.toContain('hunter2-secret');

    const after = await client.sandboxState();
    const count = (state: typeof before, action: string) => state.requestCounts[action] ?? 0;
    expect(count(after, 'cloudformation:CreateChangeSet')).toBe(
      count(before, 'cloudformation:CreateChangeSet') + 1,
    );
    expect(count(after, 'cloudformation:DeleteChangeSet')).toBe(
      count(before, 'cloudformation:DeleteChangeSet') + 1,
    );
    expect(count(after, 'cloudformation:ExecuteChangeSet')).toBe(
      count(before, 'cloudformation:ExecuteChangeSet'),
    );
    expect((await client.service('gantry-diffs-test')).primary?.taskDefinition).toMatch(/:1$/);

    const json = await gantry([
      '-o',
      'json',
      'diff',
      '--project',
      'diffs',
      '--release',
      '1.1.0',
      '--to',
      'prod',
    ]);
    expect(JSON.parse(json.out)).toMatchObject({
      stackName: 'gantry-diffs-prod',
      stackExists: false,
      changes: expect.arrayContaining([
        expect.objectContaining({ action: 'Add', logicalId: 'Service' }),
      ]),
    });
  });
});
