import type { EcsServiceStep } from '@gantry/domain';
import { SCALABLE_TARGET_ID, SERVICE_ID, type BuildContext } from './build-context';
import { getAtt, ref } from './intrinsics';
import { pascalCase } from './parameter-names';
import type { CfnResource, CfnValue } from './template.types';

type AutoScaling = NonNullable<EcsServiceStep['service']['autoScaling']>;
type TargetTracking = AutoScaling['targetTracking'][number];

const PREDEFINED_METRICS: Record<TargetTracking['metric'], string> = {
  cpu: 'ECSServiceAverageCPUUtilization',
  memory: 'ECSServiceAverageMemoryUtilization',
  'alb-requests': 'ALBRequestCountPerTarget',
};

/** `ScalingPolicyCpu`, `ScalingPolicyMemory`, `ScalingPolicyAlbRequests`: one per metric. */
export const scalingPolicyId = (metric: TargetTracking['metric']): string =>
  `ScalingPolicy${pascalCase(metric)}`;

/**
 * The service's `ScalableTarget` (bounds and scheduled actions) and one target-tracking
 * `ScalingPolicy` per metric. The service itself then carries no `DesiredCount` (see
 * docs/templates.md): Application Auto Scaling owns the count.
 */
export function autoScalingResources(
  context: BuildContext,
  autoScaling: AutoScaling,
): Record<string, CfnResource> {
  const target: { [key: string]: CfnValue } = {
    MinCapacity: autoScaling.minCapacity,
    MaxCapacity: autoScaling.maxCapacity,
    ResourceId: { 'Fn::Join': ['/', ['service', context.cluster, getAtt(SERVICE_ID, 'Name')]] },
    ScalableDimension: 'ecs:service:DesiredCount',
    ServiceNamespace: 'ecs',
  };
  if (autoScaling.scheduled.length > 0)
    target.ScheduledActions = autoScaling.scheduled.map((action) => {
      const out: { [key: string]: CfnValue } = {
        ScheduledActionName: action.name,
        Schedule: action.schedule,
        ScalableTargetAction: {
          ...(action.minCapacity !== undefined ? { MinCapacity: action.minCapacity } : {}),
          ...(action.maxCapacity !== undefined ? { MaxCapacity: action.maxCapacity } : {}),
        },
      };
      if (action.timezone !== undefined) out.Timezone = action.timezone;
      return out;
    });
  const resources: Record<string, CfnResource> = {
    [SCALABLE_TARGET_ID]: {
      Type: 'AWS::ApplicationAutoScaling::ScalableTarget',
      Properties: target,
    },
  };
  for (const tracking of autoScaling.targetTracking)
    resources[scalingPolicyId(tracking.metric)] = scalingPolicy(context, tracking);
  return resources;
}

function scalingPolicy(context: BuildContext, tracking: TargetTracking): CfnResource {
  const metric: { [key: string]: CfnValue } = {
    PredefinedMetricType: PREDEFINED_METRICS[tracking.metric],
  };
  if (tracking.metric === 'alb-requests') metric.ResourceLabel = resourceLabel(context, tracking);
  const configuration: { [key: string]: CfnValue } = {
    PredefinedMetricSpecification: metric,
    TargetValue: tracking.target,
  };
  if (tracking.scaleInCooldown !== undefined)
    configuration.ScaleInCooldown = tracking.scaleInCooldown;
  if (tracking.scaleOutCooldown !== undefined)
    configuration.ScaleOutCooldown = tracking.scaleOutCooldown;
  return {
    Type: 'AWS::ApplicationAutoScaling::ScalingPolicy',
    Properties: {
      PolicyName: joinName(context.name, tracking.metric),
      PolicyType: 'TargetTrackingScaling',
      ScalingTargetId: ref(SCALABLE_TARGET_ID),
      TargetTrackingScalingPolicyConfiguration: configuration,
    },
  };
}

/**
 * `app/<lb>/<id>/targetgroup/<tg>/<id>`: the load balancer ARN after `loadbalancer/` and the
 * target group ARN's resource part, computed when both are known, else with `Fn::Split`.
 */
function resourceLabel(context: BuildContext, tracking: TargetTracking): CfnValue {
  const { values } = context;
  const balancerRaw = tracking.loadBalancerArn ?? '';
  const groupRaw =
    tracking.targetGroupArn ?? context.step.service.loadBalancers[0]?.targetGroupArn ?? '';
  const balancer = values.expand(balancerRaw);
  const group = values.expand(groupRaw);
  if (balancer !== null && group !== null && !values.sensitive(balancerRaw + groupRaw))
    return `${balancer.split('loadbalancer/')[1] ?? ''}/${group.split(':')[5] ?? ''}`;
  return {
    'Fn::Join': [
      '/',
      [
        { 'Fn::Select': [1, { 'Fn::Split': ['loadbalancer/', values.text(balancerRaw)] }] },
        { 'Fn::Select': [5, { 'Fn::Split': [':', values.text(groupRaw)] }] },
      ],
    ],
  };
}

function joinName(name: CfnValue, suffix: string): CfnValue {
  return typeof name === 'string' ? `${name}-${suffix}` : { 'Fn::Join': ['-', [name, suffix]] };
}
