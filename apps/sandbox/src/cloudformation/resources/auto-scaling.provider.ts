import { ACCOUNT_ID, uuid } from '../../ids';
import type { ScalableTarget } from '../../state';
import {
  ecsCall,
  ResourceFailure,
  type ProviderContext,
  type Props,
  type ResourceProvider,
} from './provider';

const ECS_DIMENSION = 'ecs:service:DesiredCount';

/** Application Auto Scaling's errors as the resource handler reports them. */
function handlerFailure(message: string): ResourceFailure {
  return new ResourceFailure(
    `Resource handler returned message: "${message} (Service: ApplicationAutoScaling, Status Code: 400, Request ID: ${uuid()})" (RequestToken: ${uuid()}, HandlerErrorCode: InvalidRequest)`,
  );
}

/** The ECS service a `service/<cluster>/<service>` resource id names, when it is active. */
function ecsService(ctx: ProviderContext, resourceId: string) {
  const [kind, cluster, name] = resourceId.split('/');
  if (kind !== 'service' || !cluster || !name) return undefined;
  for (const service of ctx.state.services.values()) {
    if (service.region !== ctx.region || service.serviceName !== name) continue;
    const owner = ctx.state.clusters.get(service.clusterArn);
    if (owner?.clusterName === cluster && service.status === 'ACTIVE') return service;
  }
  return undefined;
}

/**
 * As RegisterScalableTarget does: an active resource's current capacity is moved inside the new
 * range (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html).
 */
function clampCapacity(ctx: ProviderContext, target: ScalableTarget): void {
  const service = ecsService(ctx, target.resourceId);
  if (!service) return;
  const count = Math.min(Math.max(service.desiredCount, target.minCapacity), target.maxCapacity);
  if (count !== service.desiredCount)
    ecsCall(ctx, 'UpdateService', {
      cluster: service.clusterArn,
      service: service.serviceArn,
      desiredCount: count,
    });
}

function readTarget(ctx: ProviderContext, props: Props): ScalableTarget {
  const resourceId = String(props.ResourceId);
  const dimension = String(props.ScalableDimension);
  const namespace = String(props.ServiceNamespace);
  if (namespace !== 'ecs' || dimension !== ECS_DIMENSION)
    throw handlerFailure(
      `Unsupported service namespace, resource type or scalable dimension (the sandbox emulates ${ECS_DIMENSION} only)`,
    );
  if (!ecsService(ctx, resourceId))
    throw handlerFailure(`ECS service doesn't exist: ${resourceId}`);
  const min = Number(props.MinCapacity);
  const max = Number(props.MaxCapacity);
  if (min > max) throw handlerFailure(`Minimum capacity cannot be greater than maximum capacity`);
  return {
    id: `${resourceId}|${dimension}|${namespace}`,
    region: ctx.region,
    resourceId,
    scalableDimension: dimension,
    serviceNamespace: namespace,
    minCapacity: min,
    maxCapacity: max,
    scheduledActions: (props.ScheduledActions as unknown[] | undefined) ?? [],
    suspendedState: props.SuspendedState,
  };
}

/**
 * `AWS::ApplicationAutoScaling::ScalableTarget` of an ECS service's desired count. Scheduled
 * actions are kept, not run; no metric ever moves the count (see docs/sandbox.md).
 */
export const scalableTargetProvider: ResourceProvider = {
  replacedBy: ['ResourceId', 'ScalableDimension', 'ServiceNamespace'],
  attributes: ['Id'],
  async create(ctx, props) {
    const target = readTarget(ctx, props);
    if (ctx.state.scalableTargets.has(target.id))
      throw new ResourceFailure(
        `Resource of type 'AWS::ApplicationAutoScaling::ScalableTarget' with identifier '${target.id}' already exists.`,
      );
    ctx.state.scalableTargets.set(target.id, target);
    clampCapacity(ctx, target);
    return { physicalId: target.id, ref: target.id, attributes: { Id: target.id } };
  },
  async update(ctx, record, props) {
    const target = readTarget(ctx, props);
    ctx.state.scalableTargets.set(target.id, target);
    clampCapacity(ctx, target);
    return { physicalId: record.physicalId, ref: record.ref, attributes: record.attributes };
  },
  async remove(ctx, record) {
    ctx.state.scalableTargets.delete(record.physicalId);
    for (const [arn, policy] of ctx.state.scalingPolicies)
      if (policy.scalableTargetId === record.physicalId) ctx.state.scalingPolicies.delete(arn);
  },
};

/** `AWS::ApplicationAutoScaling::ScalingPolicy`: kept with its configuration; `Ref` is its ARN. */
export const scalingPolicyProvider: ResourceProvider = {
  replacedBy: [
    'PolicyName',
    'ServiceNamespace',
    'ResourceId',
    'ScalableDimension',
    'ScalingTargetId',
  ],
  attributes: ['Arn'],
  async create(ctx, props) {
    const targetId =
      (props.ScalingTargetId as string | undefined) ??
      `${String(props.ResourceId)}|${String(props.ScalableDimension)}|${String(props.ServiceNamespace)}`;
    const target = ctx.state.scalableTargets.get(targetId);
    if (!target)
      throw handlerFailure(
        `No scalable target registered for service namespace: ecs, resource ID: ${targetId.split('|')[0]}, scalable dimension: ${ECS_DIMENSION}`,
      );
    const policyName = String(props.PolicyName);
    const arn =
      `arn:aws:autoscaling:${ctx.region}:${ACCOUNT_ID}:scalingPolicy:${uuid()}:` +
      `resource/ecs/${target.resourceId}:policyName/${policyName}`;
    ctx.state.scalingPolicies.set(arn, {
      policyArn: arn,
      policyName,
      region: ctx.region,
      scalableTargetId: targetId,
      policyType: String(props.PolicyType),
      configuration:
        props.TargetTrackingScalingPolicyConfiguration ?? props.StepScalingPolicyConfiguration,
    });
    return { physicalId: arn, ref: arn, attributes: { Arn: arn } };
  },
  async update(ctx, record, props) {
    const policy = ctx.state.scalingPolicies.get(record.physicalId);
    if (policy) {
      policy.policyType = String(props.PolicyType);
      policy.configuration =
        props.TargetTrackingScalingPolicyConfiguration ?? props.StepScalingPolicyConfiguration;
    }
    return { physicalId: record.physicalId, ref: record.ref, attributes: record.attributes };
  },
  async remove(ctx, record) {
    ctx.state.scalingPolicies.delete(record.physicalId);
  },
};
