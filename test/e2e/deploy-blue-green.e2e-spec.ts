import { deployClient } from '../support/deploy-client';
import { PlatformHarness, startPlatform } from '../support/platform-harness';
import { deployStep, seedPlatform } from '../support/seed';

const TG = (name: string, id: string) =>
  `arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/${name}/${id}`;
const BLUE_TG = TG('shop-blue', '0123456789abcdef');
const GREEN_TG = TG('shop-green', 'fedcba9876543210');
const RULE = (id: string) =>
  `arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener-rule/app/shop/0123456789abcdef/0123456789abcdef/${id}`;

/** The example step, deployed ECS-native blue/green behind one load balancer with a 1-minute bake. */
function blueGreenStep(): Record<string, unknown> {
  const step = deployStep();
  return {
    ...step,
    service: {
      ...(step.service as Record<string, unknown>),
      desiredCount: 2,
      deploymentStrategy: 'blue-green',
      bakeTimeInMinutes: 1,
      loadBalancers: [
        {
          targetGroupArn: BLUE_TG,
          containerName: 'web',
          containerPort: 8080,
          advancedConfiguration: {
            alternateTargetGroupArn: GREEN_TG,
            productionListenerRule: RULE('1111111111111111'),
            testListenerRule: RULE('2222222222222222'),
            roleArn: 'arn:aws:iam::123456789012:role/ecs-infrastructure',
          },
        },
      ],
    },
  };
}

interface TrafficView {
  taskDefinition: string;
  loadBalancers: {
    productionTargetGroup: { arn: string; tasks: { taskDefinitionArn: string }[] };
    otherTargetGroup: { arn: string; tasks: { taskDefinitionArn: string }[] } | null;
  }[];
}

const PHASES = [
  'Blue/green: preparing revision',
  'Blue/green: starting the new revision',
  'Blue/green: shifting test traffic to the new revision',
  'Blue/green: shifting production traffic to the new revision',
  'Blue/green: baking for 1 min',
];

/**
 * #13 item 6 end to end: through the API, the worker and the sandbox (time scale 0.01: a bake
 * of 1 min lasts 0.6 s), a blue/green deploy succeeds with its phases in the log, and a release
 * that crashes once production traffic reaches it fails during bake with traffic back on the
 * previous revision.
 */
describe('ECS-native blue/green deployments', () => {
  let platform: PlatformHarness;
  let client: ReturnType<typeof deployClient>;
  const service = 'gantry-bluegreen-dev';

  beforeAll(async () => {
    platform = await startPlatform('bluegreen');
    client = deployClient(platform);
    await seedPlatform(platform.api, { project: 'bluegreen', step: blueGreenStep() });
  });
  afterAll(() => platform.close());

  const releaseToDev = async (version: string, web: string) => {
    const release = await client.createRelease('bluegreen', version, web);
    return client.finished((await client.onlyOf('bluegreen', 'dev', release.id)).id);
  };

  const traffic = async () =>
    (await (
      await fetch(`${platform.sandbox.url}/_sandbox/services/${encodeURIComponent(service)}`)
    ).json()) as TrafficView;

  /** The log lines that mention blue/green, in order, without their [step/target] prefix. */
  const phases = async (id: string) =>
    (await client.log(id))
      .map((line) => line.replace(/^\[[^\]]+\] /, ''))
      .filter((line) => line.startsWith('Blue/green: '));

  const revision = (arn: string | undefined) => `:${arn?.split(':').pop()}`;

  it('deploys a new release blue/green: the log shows the phases in order and production traffic moves to the new revision', async () => {
    const first = await releaseToDev('1.0.0', '1.0.0');
    expect(first.status).toBe('succeeded');
    const blue = first.targets[0].outputs?.TaskDefinitionArn;

    const second = await releaseToDev('1.1.0', '1.1.0');
    expect(second.status).toBe('succeeded');
    const green = second.targets[0].outputs?.TaskDefinitionArn;
    const lines = await phases(second.id);
    const positions = PHASES.map((phase) => lines.findIndex((line) => line.startsWith(phase)));
    expect(positions).not.toContain(-1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(lines).toContain(
      `Blue/green: baking for 1 min (${revision(blue)} keeps running for a rollback)`,
    );
    expect(lines.at(-2)).toBe(
      `Blue/green: cleaning up: stopping the old revision ${revision(blue)}`,
    );
    expect(lines.at(-1)).toBe(
      `Blue/green: deployed: production traffic is on revision ${revision(green)}`,
    );

    const view = await traffic();
    expect(view.taskDefinition).toBe(green);
    expect(view.loadBalancers[0].productionTargetGroup.arn).toBe(GREEN_TG);
    expect(
      view.loadBalancers[0].productionTargetGroup.tasks.map((task) => task.taskDefinitionArn),
    ).toEqual([green, green]);
  });

  it('fails a release that crashes during bake, naming the reason, with production traffic back on the previous revision', async () => {
    const { primary: before } = await client.service(service);
    const good = before?.taskDefinition as string;

    const crashed = await releaseToDev('1.2.0', '1.2.0-crash-on-traffic');
    expect(crashed.status).toBe('failed');
    expect(crashed.error).toMatch(
      /^UPDATE_ROLLBACK_COMPLETE: \d+ task\(s\) stopped: Essential container in task exited \(web exit code 1\)/,
    );
    expect(crashed.errorDetails).toMatch(/ECS Deployment Circuit Breaker was triggered/);

    const lines = await phases(crashed.id);
    const baking = lines.findIndex((line) => line.startsWith('Blue/green: baking for 1 min'));
    expect(baking).toBeGreaterThan(
      lines.findIndex((line) => line.startsWith('Blue/green: shifting production traffic')),
    );
    expect(lines.slice(baking + 1)).toEqual([
      `Blue/green: rolling back to revision ${revision(good)}: ECS deployment circuit breaker: tasks failed to start.`,
      `Blue/green: rolled back: traffic is on revision ${revision(good)}`,
    ]);

    const { service: described, primary } = await client.service(service);
    expect(described?.taskDefinition).toBe(good);
    expect(primary).toMatchObject({ taskDefinition: good, rolloutState: 'COMPLETED' });
    const view = await traffic();
    expect(view.loadBalancers[0].productionTargetGroup.arn).toBe(GREEN_TG);
    expect(
      view.loadBalancers[0].productionTargetGroup.tasks.map((task) => task.taskDefinitionArn),
    ).toEqual([good, good]);
    expect(view.loadBalancers[0].otherTargetGroup?.tasks).toEqual([]);
  });
});
