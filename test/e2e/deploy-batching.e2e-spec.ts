import { deployClient, DeploymentView } from '../support/deploy-client';
import { PlatformHarness, startPlatform } from '../support/platform-harness';
import { seedPlatform } from '../support/seed';

const TENANTS = Array.from({ length: 20 }, (_, i) => `b${String(i + 1).padStart(2, '0')}`);

/**
 * Twenty deployments of one release run at once on one target (one account and region): they
 * follow their stacks through one shared stack poller and describe their services ten to a call,
 * so the sandbox sees fewer DescribeStacks and DescribeServices calls than there are deployments,
 * and every deployment still gets its own stack's outcome, outputs and events.
 */
describe('deployments of one account and region share their polls', () => {
  let platform: PlatformHarness;
  let client: ReturnType<typeof deployClient>;

  beforeAll(async () => {
    platform = await startPlatform('deploy-batching', {
      timeScale: 0.05,
      // A look a second: the deployments polling meanwhile share the next one.
      env: { WORKER_POLL_MIN_MS: '1000', WORKER_POLL_MAX_MS: '2000', WORKER_CONCURRENCY: '50' },
    });
    client = deployClient(platform);
    await seedPlatform(platform.api, { project: 'fleet', tenancy: 'tenanted' });
    for (const name of TENANTS)
      await platform.api
        .post('/api/tenants', { name, projects: [{ project: 'fleet', environments: ['dev'] }] })
        .expect(201);
  });
  afterAll(() => platform.close(), 60_000);

  it('costs fewer stack and service descriptions than deployments, each answered with its own stack', async () => {
    const before = (await client.sandboxState()).requestCounts;
    const release = await client.createRelease('fleet', '3.0.0', '3.0.0');
    const deployments = await client.ofRelease('fleet', 'dev', release.id);
    expect(deployments).toHaveLength(TENANTS.length);
    const done: DeploymentView[] = await Promise.all(
      deployments.map((d) => client.finished(d.id, 120_000)),
    );
    expect(
      done.filter((d) => d.status !== 'succeeded').map((d) => `${d.tenant?.slug}: ${d.error}`),
    ).toEqual([]);

    const after = (await client.sandboxState()).requestCounts;
    const made = (action: string) => (after[action] ?? 0) - (before[action] ?? 0);
    // Unbatched, each deployment described its stack at least twice (before its change set and
    // at the end) and its service once.
    expect(made('cloudformation:DescribeStacks')).toBeLessThan(TENANTS.length);
    expect(made('ecs:DescribeServices')).toBeLessThan(TENANTS.length);
    expect(made('cloudformation:CreateChangeSet')).toBe(TENANTS.length);
    expect(made('cloudformation:ExecuteChangeSet')).toBe(TENANTS.length);

    const stackNames = new Set<string>();
    for (const deployment of done) {
      const [target] = deployment.targets;
      stackNames.add(target.stackName);
      // Its own stack's outputs, as its own service runs them.
      const { primary } = await client.service(target.stackName);
      expect(primary?.taskDefinition).toBe(target.outputs?.TaskDefinitionArn);
      expect(primary?.rolloutState).toBe('COMPLETED');
      const log = await client.log(deployment.id);
      // Lines carry the step and target as a prefix ([service/fleet-sandbox] …).
      const ownStack = `${target.stackName} AWS::CloudFormation::Stack`;
      expect(log.some((line) => line.endsWith(`${ownStack} CREATE_COMPLETE`))).toBe(true);
      expect(log.filter((line) => line.includes('AWS::CloudFormation::Stack'))).toEqual(
        log.filter((line) => line.includes(ownStack)),
      );
      expect(log.at(-1)).toBe('Deployment succeeded.');
    }
    expect(stackNames.size).toBe(TENANTS.length);
  }, 180_000);
});
