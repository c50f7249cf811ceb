import {
  deregisterScalableTarget,
  putScalingPolicy,
  registerScalableTarget,
  targetId,
  type AutoScalingContext,
} from '../../autoscaling/autoscaling-actions';
import { AwsJsonError } from '../../http/json-service';
import { uuid } from '../../ids';
import {
  ResourceFailure,
  type ProviderContext,
  type Props,
  type ResourceProvider,
} from './provider';

/** Application Auto Scaling's errors as the resource handler reports them. */
function handlerFailure(message: string): ResourceFailure {
  return new ResourceFailure(
    `Resource handler returned message: "${message} (Service: ApplicationAutoScaling, Status Code: 400, Request ID: ${uuid()})" (RequestToken: ${uuid()}, HandlerErrorCode: InvalidRequest)`,
  );
}

/** Runs an Application Auto Scaling call the way the resource handler does, with its failure wording. */
function autoScaling<T>(ctx: ProviderContext, call: (context: AutoScalingContext) => T): T {
  try {
    return call({ state: ctx.state, ecs: ctx.ecs, region: ctx.region });
  } catch (error) {
    if (error instanceof AwsJsonError) throw handlerFailure(error.message);
    throw error;
  }
}

const idOf = (props: Props) =>
  targetId(
    String(props.ResourceId),
    String(props.ScalableDimension),
    String(props.ServiceNamespace),
  );

/**
 * `AWS::ApplicationAutoScaling::ScalableTarget` of an ECS service's desired count, registered
 * through the sandbox's Application Auto Scaling API (so `DescribeScalableTargets` shows it).
 * Scheduled actions are kept, not run; no metric ever moves the count (see docs/sandbox.md).
 */
export const scalableTargetProvider: ResourceProvider = {
  replacedBy: ['ResourceId', 'ScalableDimension', 'ServiceNamespace'],
  attributes: ['Id'],
  async create(ctx, props) {
    if (ctx.state.scalableTargets.has(idOf(props)))
      throw new ResourceFailure(
        `Resource of type 'AWS::ApplicationAutoScaling::ScalableTarget' with identifier '${idOf(props)}' already exists.`,
      );
    const target = autoScaling(ctx, (context) =>
      registerScalableTarget(context, { ScheduledActions: [], ...props }),
    );
    return { physicalId: target.id, ref: target.id, attributes: { Id: target.id } };
  },
  async update(ctx, record, props) {
    autoScaling(ctx, (context) =>
      registerScalableTarget(context, { ScheduledActions: [], ...props }),
    );
    return { physicalId: record.physicalId, ref: record.ref, attributes: record.attributes };
  },
  async remove(ctx, record) {
    if (!ctx.state.scalableTargets.has(record.physicalId)) return;
    autoScaling(ctx, (context) => deregisterScalableTarget(context, record.physicalId));
  },
};

/** `AWS::ApplicationAutoScaling::ScalingPolicy`, put through the sandbox's API; `Ref` is its ARN. */
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
    const policy = autoScaling(ctx, (context) => putScalingPolicy(context, props));
    return {
      physicalId: policy.policyArn,
      ref: policy.policyArn,
      attributes: { Arn: policy.policyArn },
    };
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
