import { closedPort } from '../support/closed-port';
import { deployClient } from '../support/deploy-client';
import { PlatformHarness, startPlatform } from '../support/platform-harness';
import { seedPlatform } from '../support/seed';

const CREDENTIAL_VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_CONFIG_FILE',
  'AWS_EC2_METADATA_DISABLED',
];

/**
 * Targets Gantry cannot talk to: a deployment fails with the reason, within
 * AWS_UNREACHABLE_SECONDS (2 s here), instead of being handed from worker to worker forever.
 */
describe('deployments to a target that cannot be reached or signed for', () => {
  let platform: PlatformHarness;
  let client: ReturnType<typeof deployClient>;
  const saved = new Map<string, string | undefined>();

  beforeAll(async () => {
    // No credentials anywhere the SDK looks, whatever the machine has.
    for (const name of CREDENTIAL_VARIABLES) saved.set(name, process.env[name]);
    for (const name of CREDENTIAL_VARIABLES.slice(0, 4)) delete process.env[name];
    process.env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/gantry-test-credentials';
    process.env.AWS_CONFIG_FILE = '/nonexistent/gantry-test-config';
    process.env.AWS_EC2_METADATA_DISABLED = 'true';

    platform = await startPlatform('unreachable', { env: { AWS_UNREACHABLE_SECONDS: '2' } });
    client = deployClient(platform);
    await seedPlatform(platform.api, { project: 'lost' });
    await seedPlatform(platform.api, { project: 'unsigned' });
    await seedPlatform(platform.api, { project: 'sealed' });
  });
  afterAll(async () => {
    await platform.close();
    for (const [name, value] of saved)
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  });

  it('fails a deployment whose endpoint refuses connections, saying so in the log and the error', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    await platform.api
      .patch('/api/targets/lost-sandbox', {
        endpoint,
        credentials: { type: 'keys', accessKeyId: 'AKIAGANTRYTEST', secretAccessKey: 'secret' },
      })
      .expect(200);
    const release = await client.createRelease('lost', '1.0.0', '1.0.0');
    const deployment = await client.finished((await client.onlyOf('lost', 'dev', release.id)).id);

    expect(deployment.status).toBe('failed');
    expect(deployment.error).toMatch(
      /^DescribeStacks failed for \d+ s, the last time with: .*ECONNREFUSED.*Is the target's region, endpoint or network right\?$/,
    );
    const log = await client.log(deployment.id);
    expect(log).toContainEqual(
      expect.stringMatching(
        /^\[service\/lost-sandbox\] gantry-lost-dev on target lost-sandbox: DescribeStacks failed \(.*ECONNREFUSED.*\); retrying for up to 2 s\.$/,
      ),
    );
    expect(log.filter((line) => /re-attached/.test(line))).toEqual([]);
    expect(log.at(-1)).toBe('Deployment failed.');
  });

  it('fails a deployment to an assume-role target when Gantry has no base credentials, naming the fix', async () => {
    await platform.api
      .patch('/api/targets/unsigned-sandbox', {
        endpoint: platform.sandbox.url,
        credentials: { type: 'assume-role', roleArn: 'arn:aws:iam::123456789012:role/gantry' },
      })
      .expect(200);
    const release = await client.createRelease('unsigned', '1.0.0', '1.0.0');
    const deployment = await client.finished(
      (await client.onlyOf('unsigned', 'dev', release.id)).id,
    );

    expect(deployment.status).toBe('failed');
    expect(deployment.error).toMatch(
      /^No AWS credentials to sign with: .*assume-role target needs base credentials/,
    );
    const log = await client.log(deployment.id);
    expect(log.filter((line) => /re-attached/.test(line))).toEqual([]);
  });

  it('fails a deployment after three worker errors (a secret sealed under another master key), not forever', async () => {
    await platform.api
      .patch('/api/targets/sealed-sandbox', {
        credentials: { type: 'keys', accessKeyId: 'AKIAGANTRYTEST', secretAccessKey: 'secret' },
      })
      .expect(200);
    await platform.api.db.dataSource.query(
      `UPDATE targets SET secret_access_key_encrypted = 'v1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA==:AAAA' WHERE slug = 'sealed-sandbox'`,
    );
    const release = await client.createRelease('sealed', '1.0.0', '1.0.0');
    const deployment = await client.finished(
      (await client.onlyOf('sealed', 'dev', release.id)).id,
      60_000,
    );

    const reason =
      'A stored secret cannot be decrypted: it was encrypted under another GANTRY_MASTER_KEY, or altered.';
    expect(deployment.status).toBe('failed');
    expect(deployment.error).toBe(`Gave up after 3 worker errors; the last: ${reason}`);
    expect(deployment.targets.map((target) => target.status)).toEqual(['failed']);
    const log = await client.log(deployment.id);
    expect(log.filter((line) => line.startsWith('Worker error'))).toEqual([
      `Worker error 1 of 3: ${reason} The deployment will be picked up again.`,
      `Worker error 2 of 3: ${reason} The deployment will be picked up again.`,
      `Worker error 3 of 3: ${reason} Giving up.`,
    ]);
    expect(log.at(-1)).toBe('Deployment failed.');
  });
});
