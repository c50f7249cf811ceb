import { getAtt, ref } from './intrinsics';
import { containerDefinition } from './container-definition';
import {
  LOG_GROUP_ID,
  SERVICE_ID,
  TASK_DEFINITION_ID,
  needsLogGroup,
  type BuildContext,
} from './build-context';
import type { CfnOutput, CfnResource, CfnValue } from './template.types';

type Props = { [key: string]: CfnValue };

/** The stack's resources under their fixed logical ids: `LogGroup` (when needed), `TaskDefinition`, `Service`. */
export function buildResources(context: BuildContext): Record<string, CfnResource> {
  const resources: Record<string, CfnResource> = {};
  if (needsLogGroup(context.step)) resources[LOG_GROUP_ID] = logGroup(context);
  resources[TASK_DEFINITION_ID] = taskDefinition(context);
  resources[SERVICE_ID] = service(context);
  return resources;
}

export function logGroup(context: BuildContext): CfnResource {
  return {
    Type: 'AWS::Logs::LogGroup',
    Properties: {
      LogGroupName: context.logGroupName,
      RetentionInDays: context.step.task.logRetentionInDays,
      Tags: context.tags,
    },
  };
}

/** Retained on update and delete, so the revision a rollback returns to is never deregistered. */
export function taskDefinition(context: BuildContext): CfnResource {
  const { step, values } = context;
  const size = (raw: number | string): CfnValue => {
    const value = values.number(raw);
    return typeof value === 'number' ? String(value) : value;
  };
  const props: Props = {
    Family: context.name,
    Cpu: size(step.task.cpu),
    Memory: size(step.task.memory),
    NetworkMode: 'awsvpc',
    RequiresCompatibilities: ['FARGATE'],
    RuntimePlatform: { CpuArchitecture: step.task.cpuArchitecture, OperatingSystemFamily: 'LINUX' },
    ContainerDefinitions: step.containers.map((container) =>
      containerDefinition(container, context),
    ),
    Tags: context.tags,
  };
  if (step.task.executionRoleArn !== undefined)
    props.ExecutionRoleArn = values.text(step.task.executionRoleArn);
  if (step.task.taskRoleArn !== undefined) props.TaskRoleArn = values.text(step.task.taskRoleArn);
  return {
    Type: 'AWS::ECS::TaskDefinition',
    DeletionPolicy: 'Retain',
    UpdateReplacePolicy: 'Retain',
    Properties: props,
  };
}

function service(context: BuildContext): CfnResource {
  const { step, values } = context;
  const { network } = step.service;
  const awsvpc: Props = {
    Subnets: network.subnets.map((subnet) => values.text(subnet)),
    AssignPublicIp: network.assignPublicIp ? 'ENABLED' : 'DISABLED',
  };
  if (network.securityGroups.length > 0)
    awsvpc.SecurityGroups = network.securityGroups.map((group) => values.text(group));
  const props: Props = {
    Cluster: context.cluster,
    ServiceName: context.name,
    TaskDefinition: ref(TASK_DEFINITION_ID),
    LaunchType: 'FARGATE',
    PlatformVersion: values.text(step.service.platformVersion),
    DesiredCount: values.number(step.service.desiredCount),
    DeploymentConfiguration: {
      MinimumHealthyPercent: step.service.minimumHealthyPercent,
      MaximumPercent: step.service.maximumPercent,
      DeploymentCircuitBreaker: {
        Enable: step.service.circuitBreaker.enable,
        Rollback: step.service.circuitBreaker.rollback,
      },
    },
    NetworkConfiguration: { AwsvpcConfiguration: awsvpc },
    EnableExecuteCommand: step.service.enableExecuteCommand,
    PropagateTags: 'SERVICE',
    Tags: context.tags,
  };
  if (step.service.loadBalancers.length > 0) {
    props.LoadBalancers = step.service.loadBalancers.map((balancer) => ({
      ContainerName: values.expand(balancer.containerName) ?? balancer.containerName,
      ContainerPort: balancer.containerPort,
      TargetGroupArn: values.text(balancer.targetGroupArn),
    }));
    props.HealthCheckGracePeriodSeconds = values.number(step.service.healthCheckGracePeriodSeconds);
  }
  return { Type: 'AWS::ECS::Service', Properties: props };
}

/** `ServiceArn`, `ServiceName`, `TaskDefinitionArn`, and `LogGroupName` when the stack has a log group. */
export function buildOutputs(context: BuildContext): Record<string, CfnOutput> {
  const outputs: Record<string, CfnOutput> = {
    ServiceArn: { Description: 'ARN of the ECS service', Value: ref(SERVICE_ID) },
    ServiceName: { Description: 'Name of the ECS service', Value: getAtt(SERVICE_ID, 'Name') },
    TaskDefinitionArn: {
      Description: 'ARN of the task definition revision this stack registered',
      Value: ref(TASK_DEFINITION_ID),
    },
  };
  if (needsLogGroup(context.step))
    outputs.LogGroupName = {
      Description: 'CloudWatch log group of the containers',
      Value: ref(LOG_GROUP_ID),
    };
  return outputs;
}
