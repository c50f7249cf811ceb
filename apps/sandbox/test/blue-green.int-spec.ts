import { CreateStackCommand, UpdateStackCommand } from '@aws-sdk/client-cloudformation';
import {
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  DescribeServicesCommand,
  ListServiceDeploymentsCommand,
  type ServiceDeployment,
} from '@aws-sdk/client-ecs';
import { BLUE_GREEN_STAGES, type BlueGreenStage } from '@gantry/domain';
import { startKitWithClusters, stopKit, waitForStack, type Kit } from './sandbox-kit';

const TG = (name: string, id: string) =>
  `arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/${name}/${id}`;
const BLUE_TG = TG('blue', '0123456789abcdef');
const GREEN_TG = TG('green', 'fedcba9876543210');
const ADVANCED = {
  alternateTargetGroupArn: GREEN_TG,
  productionListenerRule:
    'arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener-rule/app/shop/0123456789abcdef/0123456789abcdef/1111111111111111',
  roleArn: 'arn:aws:iam::123456789012:role/ecs-infrastructure',
};

function template(tag: string) {
  return JSON.stringify({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      TaskDefinition: {
        Type: 'AWS::ECS::TaskDefinition',
        UpdateReplacePolicy: 'Retain',
        Properties: {
          Family: 'bg-web',
          Cpu: '256',
          Memory: '512',
          NetworkMode: 'awsvpc',
          RequiresCompatibilities: ['FARGATE'],
          ContainerDefinitions: [
            { Name: 'web', Image: `nginx:${tag}`, PortMappings: [{ ContainerPort: 80 }] },
          ],
        },
      },
      Service: {
        Type: 'AWS::ECS::Service',
        Properties: {
          ServiceName: 'bg-web',
          Cluster: 'apps',
          LaunchType: 'FARGATE',
          DesiredCount: 2,
          TaskDefinition: { Ref: 'TaskDefinition' },
          NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['subnet-0a1b2c3d'] } },
          DeploymentConfiguration: {
            Strategy: 'BLUE_GREEN',
            BakeTimeInMinutes: 1,
            DeploymentCircuitBreaker: { Enable: true, Rollback: true },
          },
          LoadBalancers: [
            {
              TargetGroupArn: BLUE_TG,
              ContainerName: 'web',
              ContainerPort: 80,
              AdvancedConfiguration: {
                AlternateTargetGroupArn: ADVANCED.alternateTargetGroupArn,
                ProductionListenerRule: ADVANCED.productionListenerRule,
                RoleArn: ADVANCED.roleArn,
              },
            },
          ],
        },
      },
    },
  });
}

const order = (stage: string) => BLUE_GREEN_STAGES.indexOf(stage as BlueGreenStage);

interface TrafficView {
  taskDefinition: string;
  lifecycleStage: string | null;
  loadBalancers: {
    productionTargetGroup: { arn: string; tasks: { taskDefinitionArn: string }[] };
    otherTargetGroup: { arn: string; tasks: { taskDefinitionArn: string }[] } | null;
  }[];
}

/** docs/sandbox.md: ECS-native blue/green, its lifecycle stages, traffic and a rollback during bake. */
describe('sandbox: an ECS-native blue/green service', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKitWithClusters('apps');
  });
  afterAll(() => stopKit(kit));

  const service = async () =>
    (await kit.ecs.send(new DescribeServicesCommand({ cluster: 'apps', services: ['bg-web'] })))
      .services?.[0];
  const traffic = async () =>
    (await (
      await fetch(`${kit.sandbox.url}/_sandbox/services/${encodeURIComponent('bg-web')}`)
    ).json()) as TrafficView;
  const describeDeployment = async (arn: string): Promise<ServiceDeployment> =>
    (await kit.ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] })))
      .serviceDeployments?.[0] as ServiceDeployment;

  /** Updates the stack and follows the service deployment it starts, noting every stage seen. */
  const update = async (tag: string) => {
    const before = (await service())?.currentServiceDeployment;
    await kit.cfn.send(new UpdateStackCommand({ StackName: 'bg', TemplateBody: template(tag) }));
    const stages: string[] = [];
    let arn: string | undefined;
    for (;;) {
      arn = (await service())?.currentServiceDeployment;
      if (arn && arn !== before) {
        const seen = await describeDeployment(arn);
        if (seen.lifecycleStage && stages.at(-1) !== seen.lifecycleStage)
          stages.push(seen.lifecycleStage);
      }
      const stack = (await waitForStack(kit, 'bg', 0).catch(() => undefined))?.StackStatus;
      if (stack && !stack.endsWith('_IN_PROGRESS')) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return { stack: (await waitForStack(kit, 'bg')).StackStatus, stages, arn: arn as string };
  };

  it('creates the service on the primary target group, which takes production traffic', async () => {
    await kit.cfn.send(new CreateStackCommand({ StackName: 'bg', TemplateBody: template('1.0') }));
    expect((await waitForStack(kit, 'bg')).StackStatus).toBe('CREATE_COMPLETE');
    const described = await service();
    expect(described?.loadBalancers?.[0]).toEqual({
      targetGroupArn: BLUE_TG,
      containerName: 'web',
      containerPort: 80,
      advancedConfiguration: ADVANCED,
    });
    expect(described?.deploymentConfiguration).toMatchObject({
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 1,
    });
    const view = await traffic();
    expect(view.loadBalancers[0].productionTargetGroup.arn).toBe(BLUE_TG);
    expect(view.loadBalancers[0].productionTargetGroup.tasks).toHaveLength(2);
  });

  it('deploys a new revision blue/green: green on the alternate target group, traffic shifted, bake, blue stopped', async () => {
    const blueRevision = (await service())?.taskDefinition;
    const { stack, stages, arn } = await update('1.1');
    expect(stack).toBe('UPDATE_COMPLETE');
    // Polling sees the stages in ECS's order (a short one may pass between two looks); the bake lasts.
    expect(stages).toEqual([...stages].sort((a, b) => order(a) - order(b)));
    expect(stages).toContain('BAKE_TIME');
    expect(order(stages[0])).toBeLessThanOrEqual(order('SCALE_UP'));
    const done = await describeDeployment(arn);
    expect(done).toMatchObject({ status: 'SUCCESSFUL', lifecycleStage: 'CLEAN_UP' });
    expect(done.targetServiceRevision?.requestedProductionTrafficWeight).toBe(100);
    const revision = (
      await kit.ecs.send(
        new DescribeServiceRevisionsCommand({
          serviceRevisionArns: [done.targetServiceRevision?.arn as string],
        }),
      )
    ).serviceRevisions?.[0];
    expect(revision?.resolvedConfiguration?.loadBalancers?.[0]?.targetGroupArn).toBe(GREEN_TG);

    const described = await service();
    expect(described?.taskDefinition).not.toBe(blueRevision);
    expect(described?.deployments).toHaveLength(1);
    const view = await traffic();
    expect(view.loadBalancers[0].productionTargetGroup.arn).toBe(GREEN_TG);
    expect(
      view.loadBalancers[0].productionTargetGroup.tasks.map((t) => t.taskDefinitionArn),
    ).toEqual([described?.taskDefinition, described?.taskDefinition]);
    expect(view.loadBalancers[0].otherTargetGroup?.tasks).toEqual([]);
  });

  it('rolls back a revision that crashes under production traffic during bake: traffic back on the old revision', async () => {
    const good = (await service())?.taskDefinition as string;
    const { stack, stages, arn } = await update('1.2-crash-on-traffic');
    expect(stack).toBe('UPDATE_ROLLBACK_COMPLETE');
    expect(stages.at(-1)).toBe('BAKE_TIME');
    const rolledBack = await describeDeployment(arn);
    expect(rolledBack).toMatchObject({
      status: 'ROLLBACK_SUCCESSFUL',
      lifecycleStage: 'BAKE_TIME',
      rollback: { reason: 'ECS deployment circuit breaker: tasks failed to start.' },
    });
    const listed = await kit.ecs.send(
      new ListServiceDeploymentsCommand({ cluster: 'apps', service: 'bg-web' }),
    );
    expect(listed.serviceDeployments?.map((d) => d.status)).toEqual([
      'ROLLBACK_SUCCESSFUL',
      'SUCCESSFUL',
      'SUCCESSFUL',
    ]);
    const described = await service();
    expect(described?.taskDefinition).toBe(good);
    expect(described?.deployments?.map((d) => [d.status, d.taskDefinition])).toEqual([
      ['PRIMARY', good],
    ]);
    const view = await traffic();
    expect(view.loadBalancers[0].productionTargetGroup.arn).toBe(GREEN_TG);
    expect(
      view.loadBalancers[0].productionTargetGroup.tasks.map((t) => t.taskDefinitionArn),
    ).toEqual([good, good]);
    expect(view.loadBalancers[0].otherTargetGroup?.tasks).toEqual([]);
  });
});
