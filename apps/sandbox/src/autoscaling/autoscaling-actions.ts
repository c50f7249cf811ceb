import type { Ecs } from '../ecs/ecs';
import { callEcs } from '../ecs/ecs-protocol';
import { AwsJsonError, type JsonHandler } from '../http/json-service';
import { ACCOUNT_ID, hex, uuid } from '../ids';
import type { SandboxState, ScalableTarget, ScalingPolicy, ScheduledAction } from '../state';

/** `X-Amz-Target: AnyScaleFrontendService.<Action>`: Application Auto Scaling's JSON 1.1 protocol. */
export const AUTOSCALING_TARGET_PREFIX = 'AnyScaleFrontendService.';
export const ECS_DIMENSION = 'ecs:service:DesiredCount';

export interface AutoScalingContext {
  state: SandboxState;
  ecs: Ecs;
  region: string;
}

type Input = Record<string, unknown>;

const validation = (message: string) => new AwsJsonError('ValidationException', message);

const describeTarget = (namespace: string, resourceId: string, dimension: string) =>
  `service namespace: ${namespace}, resource ID: ${resourceId}, scalable dimension: ${dimension}`;

/** The scalable target's key, which is also CloudFormation's `Ref` of the resource. */
export const targetId = (resourceId: string, dimension: string, namespace: string): string =>
  `${resourceId}|${dimension}|${namespace}`;

function epochSeconds(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const millis = typeof value === 'number' ? value * 1000 : Date.parse(String(value));
  return Number.isNaN(millis) ? undefined : millis / 1000;
}

const optionalNumber = (value: unknown): number | undefined =>
  value === undefined || value === null ? undefined : Number(value);

/** The ECS service a `service/<cluster>/<service>` resource id names, when it is active. */
function ecsService(ctx: AutoScalingContext, resourceId: string) {
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
function clampCapacity(ctx: AutoScalingContext, target: ScalableTarget): void {
  const service = ecsService(ctx, target.resourceId);
  if (!service) return;
  const count = Math.min(Math.max(service.desiredCount, target.minCapacity), target.maxCapacity);
  if (count !== service.desiredCount)
    callEcs(ctx.ecs, ctx.region, 'UpdateService', {
      cluster: service.clusterArn,
      service: service.serviceArn,
      desiredCount: count,
    });
}

function scheduledActionsOf(
  region: string,
  resourceId: string,
  given: unknown,
  previous: readonly ScheduledAction[],
): ScheduledAction[] {
  if (!Array.isArray(given)) return [...previous];
  return (given as Input[]).map((action) => {
    const name = String(action.ScheduledActionName);
    const kept = previous.find((p) => p.ScheduledActionName === name);
    const limits = (action.ScalableTargetAction ?? undefined) as Input | undefined;
    return {
      ScheduledActionName: name,
      ScheduledActionARN:
        kept?.ScheduledActionARN ??
        `arn:aws:autoscaling:${region}:${ACCOUNT_ID}:scheduledAction:${uuid()}:resource/ecs/${resourceId}:scheduledActionName/${name}`,
      Schedule: String(action.Schedule),
      Timezone: action.Timezone as string | undefined,
      StartTime: epochSeconds(action.StartTime),
      EndTime: epochSeconds(action.EndTime),
      ScalableTargetAction: limits && {
        MinCapacity: optionalNumber(limits.MinCapacity),
        MaxCapacity: optionalNumber(limits.MaxCapacity),
      },
      CreationTime: kept?.CreationTime ?? Date.now() / 1000,
    };
  });
}

/**
 * RegisterScalableTarget (and CloudFormation's ScalableTarget): registers or updates the target of
 * an ECS service's desired count and moves the count inside `[MinCapacity, MaxCapacity]`.
 * `ScheduledActions` (CloudFormation's property) replaces the target's scheduled actions.
 */
export function registerScalableTarget(ctx: AutoScalingContext, input: Input): ScalableTarget {
  const namespace = String(input.ServiceNamespace ?? '');
  const resourceId = String(input.ResourceId ?? '');
  const dimension = String(input.ScalableDimension ?? '');
  if (namespace !== 'ecs' || dimension !== ECS_DIMENSION)
    throw validation(
      `Unsupported service namespace, resource type or scalable dimension (the sandbox emulates ${ECS_DIMENSION} only)`,
    );
  if (!ecsService(ctx, resourceId)) throw validation(`ECS service doesn't exist: ${resourceId}`);
  const id = targetId(resourceId, dimension, namespace);
  const existing = ctx.state.scalableTargets.get(id);
  const min = optionalNumber(input.MinCapacity) ?? existing?.minCapacity;
  const max = optionalNumber(input.MaxCapacity) ?? existing?.maxCapacity;
  if (min === undefined || max === undefined)
    throw validation('MinCapacity and MaxCapacity are required to register a new scalable target');
  if (min > max) throw validation('Minimum capacity cannot be greater than maximum capacity');
  const target: ScalableTarget = {
    id,
    arn:
      existing?.arn ??
      `arn:aws:application-autoscaling:${ctx.region}:${ACCOUNT_ID}:scalable-target/${hex(18)}`,
    region: ctx.region,
    resourceId,
    scalableDimension: dimension,
    serviceNamespace: namespace,
    minCapacity: min,
    maxCapacity: max,
    roleArn: (input.RoleARN ?? existing?.roleArn) as string | undefined,
    creationTime: existing?.creationTime ?? Date.now() / 1000,
    scheduledActions: scheduledActionsOf(
      ctx.region,
      resourceId,
      input.ScheduledActions,
      existing?.scheduledActions ?? [],
    ),
    suspendedState: input.SuspendedState ?? existing?.suspendedState,
  };
  ctx.state.scalableTargets.set(id, target);
  clampCapacity(ctx, target);
  return target;
}

/** DeregisterScalableTarget: the target goes, with its scaling policies and scheduled actions. */
export function deregisterScalableTarget(ctx: AutoScalingContext, id: string): void {
  if (!ctx.state.scalableTargets.delete(id)) {
    const [resourceId, dimension, namespace] = id.split('|');
    throw new AwsJsonError(
      'ObjectNotFoundException',
      `No scalable target found for ${describeTarget(namespace, resourceId, dimension)}`,
    );
  }
  for (const [arn, policy] of ctx.state.scalingPolicies)
    if (policy.scalableTargetId === id) ctx.state.scalingPolicies.delete(arn);
}

/** The target a policy names: `ScalingTargetId` (CloudFormation), or its resource, dimension and namespace. */
function policyTarget(ctx: AutoScalingContext, input: Input): ScalableTarget {
  const id =
    (input.ScalingTargetId as string | undefined) ??
    targetId(
      String(input.ResourceId),
      String(input.ScalableDimension),
      String(input.ServiceNamespace),
    );
  const target = ctx.state.scalableTargets.get(id);
  if (target) return target;
  const [resourceId, dimension, namespace] = id.split('|');
  throw new AwsJsonError(
    'ObjectNotFoundException',
    `No scalable target registered for ${describeTarget(namespace ?? 'ecs', resourceId, dimension ?? ECS_DIMENSION)}`,
  );
}

/** PutScalingPolicy: creates the policy, or updates the one of that name on that target in place. */
export function putScalingPolicy(ctx: AutoScalingContext, input: Input): ScalingPolicy {
  const target = policyTarget(ctx, input);
  const policyName = String(input.PolicyName ?? '');
  if (!policyName) throw validation('PolicyName is required');
  const configuration =
    input.TargetTrackingScalingPolicyConfiguration ?? input.StepScalingPolicyConfiguration;
  const policyType =
    (input.PolicyType as string | undefined) ??
    (input.StepScalingPolicyConfiguration ? 'StepScaling' : 'TargetTrackingScaling');
  const existing = [...ctx.state.scalingPolicies.values()].find(
    (p) => p.scalableTargetId === target.id && p.policyName === policyName,
  );
  if (existing) {
    existing.policyType = policyType;
    existing.configuration = configuration;
    return existing;
  }
  const policy: ScalingPolicy = {
    policyArn:
      `arn:aws:autoscaling:${ctx.region}:${ACCOUNT_ID}:scalingPolicy:${uuid()}:` +
      `resource/ecs/${target.resourceId}:policyName/${policyName}`,
    policyName,
    region: ctx.region,
    scalableTargetId: target.id,
    policyType,
    configuration,
    creationTime: Date.now() / 1000,
  };
  ctx.state.scalingPolicies.set(policy.policyArn, policy);
  return policy;
}

function deleteScalingPolicyNamed(ctx: AutoScalingContext, input: Input): void {
  const id = targetId(
    String(input.ResourceId),
    String(input.ScalableDimension),
    String(input.ServiceNamespace),
  );
  const policy = [...ctx.state.scalingPolicies.values()].find(
    (p) => p.scalableTargetId === id && p.policyName === input.PolicyName,
  );
  if (!policy)
    throw new AwsJsonError(
      'ObjectNotFoundException',
      `No scaling policy found for ${describeTarget(String(input.ServiceNamespace), String(input.ResourceId), String(input.ScalableDimension))}, policy name: ${String(input.PolicyName)}`,
    );
  ctx.state.scalingPolicies.delete(policy.policyArn);
}

/** Targets of the request's namespace, in the region, filtered by resource ids and dimension. */
function targetsMatching(ctx: AutoScalingContext, input: Input): ScalableTarget[] {
  if (typeof input.ServiceNamespace !== 'string')
    throw validation(
      "1 validation error detected: Value null at 'serviceNamespace' failed to satisfy constraint: Member must not be null",
    );
  const resourceIds = input.ResourceIds as string[] | undefined;
  const resourceId = input.ResourceId as string | undefined;
  return [...ctx.state.scalableTargets.values()].filter(
    (t) =>
      t.region === ctx.region &&
      t.serviceNamespace === input.ServiceNamespace &&
      (!input.ScalableDimension || t.scalableDimension === input.ScalableDimension) &&
      (!resourceIds?.length || resourceIds.includes(t.resourceId)) &&
      (!resourceId || t.resourceId === resourceId),
  );
}

function targetView(target: ScalableTarget): Input {
  return {
    ServiceNamespace: target.serviceNamespace,
    ResourceId: target.resourceId,
    ScalableDimension: target.scalableDimension,
    MinCapacity: target.minCapacity,
    MaxCapacity: target.maxCapacity,
    RoleARN:
      target.roleArn ??
      `arn:aws:iam::${ACCOUNT_ID}:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService`,
    CreationTime: target.creationTime ?? 0,
    SuspendedState: target.suspendedState ?? {
      DynamicScalingInSuspended: false,
      DynamicScalingOutSuspended: false,
      ScheduledScalingSuspended: false,
    },
    ScalableTargetARN: target.arn,
  };
}

function policyView(policy: ScalingPolicy, target: ScalableTarget): Input {
  const configurationKey =
    policy.policyType === 'StepScaling'
      ? 'StepScalingPolicyConfiguration'
      : 'TargetTrackingScalingPolicyConfiguration';
  return {
    PolicyARN: policy.policyArn,
    PolicyName: policy.policyName,
    ServiceNamespace: target.serviceNamespace,
    ResourceId: target.resourceId,
    ScalableDimension: target.scalableDimension,
    PolicyType: policy.policyType,
    [configurationKey]: policy.configuration,
    Alarms: [],
    CreationTime: policy.creationTime ?? 0,
  };
}

export const AUTOSCALING_HANDLERS: Record<string, JsonHandler<AutoScalingContext>> = {
  RegisterScalableTarget: (ctx, input) => {
    const { ScheduledActions: _ignored, ...request } = input;
    return { ScalableTargetARN: registerScalableTarget(ctx, request).arn };
  },
  DeregisterScalableTarget: (ctx, input) => {
    deregisterScalableTarget(
      ctx,
      targetId(
        String(input.ResourceId),
        String(input.ScalableDimension),
        String(input.ServiceNamespace),
      ),
    );
    return {};
  },
  DescribeScalableTargets: (ctx, input) => ({
    ScalableTargets: targetsMatching(ctx, input).map(targetView),
  }),
  PutScalingPolicy: (ctx, input) => ({
    PolicyARN: putScalingPolicy(ctx, input).policyArn,
    Alarms: [],
  }),
  DeleteScalingPolicy: (ctx, input) => {
    deleteScalingPolicyNamed(ctx, input);
    return {};
  },
  DescribeScalingPolicies: (ctx, input) => {
    const names = input.PolicyNames as string[] | undefined;
    const targets = new Map(targetsMatching(ctx, input).map((t) => [t.id, t]));
    const policies = [...ctx.state.scalingPolicies.values()].filter(
      (p) => targets.has(p.scalableTargetId) && (!names?.length || names.includes(p.policyName)),
    );
    return {
      ScalingPolicies: policies.map((p) =>
        policyView(p, targets.get(p.scalableTargetId) as ScalableTarget),
      ),
    };
  },
  DescribeScheduledActions: (ctx, input) => {
    const names = input.ScheduledActionNames as string[] | undefined;
    return {
      ScheduledActions: targetsMatching(ctx, input).flatMap((target) =>
        target.scheduledActions
          .filter((action) => !names?.length || names.includes(action.ScheduledActionName))
          .map((action) => ({
            ...action,
            ServiceNamespace: target.serviceNamespace,
            ResourceId: target.resourceId,
            ScalableDimension: target.scalableDimension,
          })),
      ),
    };
  },
};
