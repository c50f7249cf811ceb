import {
  ApplicationAutoScalingClient,
  DeleteScalingPolicyCommand,
  DeregisterScalableTargetCommand,
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
  DescribeScheduledActionsCommand,
  PutScalingPolicyCommand,
  RegisterScalableTargetCommand,
} from '@aws-sdk/client-application-auto-scaling';
import {
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServicesCommand,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import {
  failureOf,
  sandboxClientConfig,
  serviceTemplate,
  startKitWithClusters,
  stopKit,
  waitForStack,
  waitUntil,
  type Kit,
} from './sandbox-kit';

const DIMENSION = 'ecs:service:DesiredCount';

/** A service stack (`serviceTemplate`) plus a scalable target, a CPU policy and a scheduled action. */
function scaledServiceTemplate(service: string): string {
  const template = JSON.parse(serviceTemplate({ serviceName: service, desiredCount: 1 })) as {
    Resources: Record<string, unknown>;
  };
  template.Resources.ScalableTarget = {
    Type: 'AWS::ApplicationAutoScaling::ScalableTarget',
    Properties: {
      MinCapacity: 2,
      MaxCapacity: 5,
      ResourceId: { 'Fn::Join': ['/', ['service', 'apps', { 'Fn::GetAtt': ['Service', 'Name'] }]] },
      ScalableDimension: DIMENSION,
      ServiceNamespace: 'ecs',
      ScheduledActions: [
        {
          ScheduledActionName: 'night',
          Schedule: 'cron(0 22 * * ? *)',
          Timezone: 'Europe/Paris',
          ScalableTargetAction: { MinCapacity: 2, MaxCapacity: 3 },
        },
      ],
    },
  };
  template.Resources.CpuPolicy = {
    Type: 'AWS::ApplicationAutoScaling::ScalingPolicy',
    Properties: {
      PolicyName: `${service}-cpu`,
      PolicyType: 'TargetTrackingScaling',
      ScalingTargetId: { Ref: 'ScalableTarget' },
      TargetTrackingScalingPolicyConfiguration: {
        PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
        TargetValue: 60,
        ScaleInCooldown: 120,
      },
    },
  };
  return JSON.stringify(template);
}

/** Application Auto Scaling (JSON 1.1, `AnyScaleFrontendService.*`) for ECS services' desired count. */
describe('sandbox: Application Auto Scaling', () => {
  let kit: Kit;
  let scaling: ApplicationAutoScalingClient;
  beforeAll(async () => {
    kit = await startKitWithClusters('apps');
    scaling = new ApplicationAutoScalingClient(sandboxClientConfig(kit.sandbox));
  });
  afterAll(async () => {
    scaling.destroy();
    await stopKit(kit);
  });

  const desiredCount = async (service: string) =>
    (await kit.ecs.send(new DescribeServicesCommand({ cluster: 'apps', services: [service] })))
      .services?.[0].desiredCount;
  const targets = async (resourceId: string) =>
    (
      await scaling.send(
        new DescribeScalableTargetsCommand({ ServiceNamespace: 'ecs', ResourceIds: [resourceId] }),
      )
    ).ScalableTargets ?? [];

  it('shows the target, policy and scheduled action a stack creates, and forgets them with the stack', async () => {
    await kit.cfn.send(
      new CreateStackCommand({
        StackName: 'scaled',
        TemplateBody: scaledServiceTemplate('scaled'),
      }),
    );
    expect((await waitForStack(kit, 'scaled')).StackStatus).toBe('CREATE_COMPLETE');
    expect(await desiredCount('scaled')).toBe(2);

    const [target] = await targets('service/apps/scaled');
    expect(target).toMatchObject({
      ServiceNamespace: 'ecs',
      ResourceId: 'service/apps/scaled',
      ScalableDimension: DIMENSION,
      MinCapacity: 2,
      MaxCapacity: 5,
      SuspendedState: {
        DynamicScalingInSuspended: false,
        DynamicScalingOutSuspended: false,
        ScheduledScalingSuspended: false,
      },
    });
    expect(target.CreationTime).toBeInstanceOf(Date);
    expect(target.ScalableTargetARN).toMatch(
      /^arn:aws:application-autoscaling:eu-west-1:123456789012:scalable-target\/[0-9a-f]{36}$/,
    );

    const policies = await scaling.send(
      new DescribeScalingPoliciesCommand({
        ServiceNamespace: 'ecs',
        ResourceId: 'service/apps/scaled',
      }),
    );
    expect(policies.ScalingPolicies).toEqual([
      expect.objectContaining({
        PolicyName: 'scaled-cpu',
        PolicyType: 'TargetTrackingScaling',
        ResourceId: 'service/apps/scaled',
        TargetTrackingScalingPolicyConfiguration: {
          PredefinedMetricSpecification: {
            PredefinedMetricType: 'ECSServiceAverageCPUUtilization',
          },
          TargetValue: 60,
          ScaleInCooldown: 120,
        },
      }),
    ]);
    expect(policies.ScalingPolicies?.[0].PolicyARN).toMatch(
      /^arn:aws:autoscaling:eu-west-1:123456789012:scalingPolicy:[0-9a-f-]{36}:resource\/ecs\/service\/apps\/scaled:policyName\/scaled-cpu$/,
    );
    const scheduled = await scaling.send(
      new DescribeScheduledActionsCommand({
        ServiceNamespace: 'ecs',
        ResourceId: 'service/apps/scaled',
      }),
    );
    expect(scheduled.ScheduledActions).toEqual([
      expect.objectContaining({
        ScheduledActionName: 'night',
        Schedule: 'cron(0 22 * * ? *)',
        Timezone: 'Europe/Paris',
        ResourceId: 'service/apps/scaled',
        ScalableDimension: DIMENSION,
        ScalableTargetAction: { MinCapacity: 2, MaxCapacity: 3 },
      }),
    ]);

    await kit.cfn.send(new DeleteStackCommand({ StackName: 'scaled' }));
    await waitUntil(async () => {
      const stacks = await kit.cfn.send(new DescribeStacksCommand({ StackName: 'scaled' })).then(
        (out) => out.Stacks ?? [],
        () => [],
      );
      return stacks.length === 0 || stacks[0].StackStatus === 'DELETE_COMPLETE' ? true : undefined;
    });
    expect(await targets('service/apps/scaled')).toEqual([]);
    const left = await scaling.send(
      new DescribeScalingPoliciesCommand({
        ServiceNamespace: 'ecs',
        ResourceId: 'service/apps/scaled',
      }),
    );
    expect(left.ScalingPolicies).toEqual([]);
  });

  it('registers, updates and deregisters a target by direct calls, moving the count inside its range', async () => {
    await kit.cfn.send(
      new CreateStackCommand({
        StackName: 'direct',
        TemplateBody: serviceTemplate({ serviceName: 'direct', desiredCount: 1 }),
      }),
    );
    await waitForStack(kit, 'direct');
    const target = {
      ServiceNamespace: 'ecs' as const,
      ResourceId: 'service/apps/direct',
      ScalableDimension: DIMENSION as 'ecs:service:DesiredCount',
    };
    const registered = await scaling.send(
      new RegisterScalableTargetCommand({ ...target, MinCapacity: 3, MaxCapacity: 8 }),
    );
    expect(registered.ScalableTargetARN).toMatch(/:scalable-target\/[0-9a-f]{36}$/);
    expect(await desiredCount('direct')).toBe(3);
    // An update names only what changes; the ARN stays.
    const updated = await scaling.send(
      new RegisterScalableTargetCommand({ ...target, MaxCapacity: 10 }),
    );
    expect(updated.ScalableTargetARN).toBe(registered.ScalableTargetARN);
    expect(await targets('service/apps/direct')).toEqual([
      expect.objectContaining({ MinCapacity: 3, MaxCapacity: 10 }),
    ]);

    const put = await scaling.send(
      new PutScalingPolicyCommand({
        ...target,
        PolicyName: 'memory',
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: 70,
          PredefinedMetricSpecification: {
            PredefinedMetricType: 'ECSServiceAverageMemoryUtilization',
          },
        },
      }),
    );
    expect(put.PolicyARN).toContain(':resource/ecs/service/apps/direct:policyName/memory');
    expect(put.Alarms).toEqual([]);

    await scaling.send(new DeleteScalingPolicyCommand({ ...target, PolicyName: 'memory' }));
    expect(
      await failureOf(
        scaling.send(new DeleteScalingPolicyCommand({ ...target, PolicyName: 'memory' })),
      ),
    ).toEqual({
      name: 'ObjectNotFoundException',
      message: `No scaling policy found for service namespace: ecs, resource ID: service/apps/direct, scalable dimension: ${DIMENSION}, policy name: memory`,
    });

    await scaling.send(new DeregisterScalableTargetCommand(target));
    expect(await targets('service/apps/direct')).toEqual([]);
    expect(await failureOf(scaling.send(new DeregisterScalableTargetCommand(target)))).toEqual({
      name: 'ObjectNotFoundException',
      message: `No scalable target found for service namespace: ecs, resource ID: service/apps/direct, scalable dimension: ${DIMENSION}`,
    });
    expect(
      await failureOf(
        scaling.send(
          new PutScalingPolicyCommand({
            ...target,
            PolicyName: 'cpu',
            PolicyType: 'TargetTrackingScaling',
            TargetTrackingScalingPolicyConfiguration: { TargetValue: 50 },
          }),
        ),
      ),
    ).toEqual({
      name: 'ObjectNotFoundException',
      message: `No scalable target registered for service namespace: ecs, resource ID: service/apps/direct, scalable dimension: ${DIMENSION}`,
    });
  });

  it("refuses a target of a service that does not exist, in Application Auto Scaling's words", async () => {
    expect(
      await failureOf(
        scaling.send(
          new RegisterScalableTargetCommand({
            ServiceNamespace: 'ecs',
            ResourceId: 'service/apps/nowhere',
            ScalableDimension: DIMENSION,
            MinCapacity: 1,
            MaxCapacity: 2,
          }),
        ),
      ),
    ).toEqual({
      name: 'ValidationException',
      message: "ECS service doesn't exist: service/apps/nowhere",
    });
  });

  it("deregisters a service's target and policies when the service is deleted", async () => {
    const registered = await kit.ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'doomed',
        cpu: '256',
        memory: '512',
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        containerDefinitions: [{ name: 'app', image: 'app:1', essential: true }],
      }),
    );
    await kit.ecs.send(
      new CreateServiceCommand({
        cluster: 'apps',
        serviceName: 'doomed',
        taskDefinition: registered.taskDefinition?.taskDefinitionArn,
        desiredCount: 1,
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d'] } },
      }),
    );
    const target = {
      ServiceNamespace: 'ecs' as const,
      ResourceId: 'service/apps/doomed',
      ScalableDimension: DIMENSION as 'ecs:service:DesiredCount',
    };
    await scaling.send(
      new RegisterScalableTargetCommand({ ...target, MinCapacity: 1, MaxCapacity: 2 }),
    );
    await scaling.send(
      new PutScalingPolicyCommand({
        ...target,
        PolicyName: 'cpu',
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: { TargetValue: 50 },
      }),
    );
    await kit.ecs.send(
      new DeleteServiceCommand({ cluster: 'apps', service: 'doomed', force: true }),
    );
    expect(await targets('service/apps/doomed')).toEqual([]);
    const policies = await scaling.send(
      new DescribeScalingPoliciesCommand({
        ServiceNamespace: 'ecs',
        ResourceId: 'service/apps/doomed',
      }),
    );
    expect(policies.ScalingPolicies).toEqual([]);
  });
});
