import { getAtt, ref } from './intrinsics';
import { containerDefinition } from './container-definition';
import { autoScalingResources } from './auto-scaling';
import { applyBlueGreen } from './blue-green';
import { discoveryResources, discoveryServiceProperties } from './service-discovery';
import { executionRole } from './execution-role';
import {
  EXECUTION_ROLE_ID,
  LOG_GROUP_ID,
  SERVICE_ID,
  TASK_DEFINITION_ID,
  needsLogGroup,
  type BuildContext,
} from './build-context';
import type { CfnOutput, CfnResource, CfnValue } from './template.types';

type Props = { [key: string]: CfnValue };

/**
 * The stack's resources under their fixed logical ids: `LogGroup` (when needed), `ExecutionRole`
 * (without `task.executionRoleArn`), one `Secret…` per sensitive environment value,
 * `TaskDefinition`, `DiscoveryService` (Cloud Map, when created), `Service`, and `ScalableTarget` + `ScalingPolicy…` with auto-scaling.
 */
export function buildResources(context: BuildContext): Record<string, CfnResource> {
  const resources: Record<string, CfnResource> = {};
  if (needsLogGroup(context.step)) resources[LOG_GROUP_ID] = logGroup(context);
  Object.assign(resources, taskAccessResources(context));
  resources[TASK_DEFINITION_ID] = taskDefinition(context);
  Object.assign(resources, discoveryResources(context));
  resources[SERVICE_ID] = service(context);
  const { autoScaling } = context.step.service;
  if (autoScaling) Object.assign(resources, autoScalingResources(context, autoScaling));
  return resources;
}

/**
 * What the task definition reads through its execution role: a `Secret…` per sensitive
 * environment value and, when the step names no role, the `ExecutionRole` (shared with the
 * run-task stack).
 */
export function taskAccessResources(context: BuildContext): Record<string, CfnResource> {
  const resources: Record<string, CfnResource> = {};
  for (const secret of context.secrets.secrets)
    resources[secret.logicalId] = {
      Type: 'AWS::SecretsManager::Secret',
      Properties: {
        Description: `Sensitive value of ${secret.holds}, set by Gantry`,
        SecretString: secret.value,
        Tags: context.tags,
      },
    };
  if (context.step.task.executionRoleArn === undefined)
    resources[EXECUTION_ROLE_ID] = executionRole(context);
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
    ContainerDefinitions: step.containers.map((container, index) =>
      containerDefinition(container, index, context),
    ),
    Tags: context.tags,
  };
  props.ExecutionRoleArn =
    step.task.executionRoleArn !== undefined
      ? values.text(step.task.executionRoleArn)
      : getAtt(EXECUTION_ROLE_ID, 'Arn');
  if (step.task.ephemeralStorageGiB !== undefined)
    props.EphemeralStorage = { SizeInGiB: step.task.ephemeralStorageGiB };
  if (step.task.volumes.length > 0)
    props.Volumes = step.task.volumes.map((volume) => {
      const efs: Props = { FilesystemId: values.text(volume.efs.fileSystemId) };
      if (volume.efs.rootDirectory !== undefined) efs.RootDirectory = volume.efs.rootDirectory;
      if (volume.efs.transitEncryption !== undefined)
        efs.TransitEncryption = volume.efs.transitEncryption;
      if (volume.efs.transitEncryptionPort !== undefined)
        efs.TransitEncryptionPort = volume.efs.transitEncryptionPort;
      const authorization: Props = {};
      if (volume.efs.accessPointId !== undefined)
        authorization.AccessPointId = values.text(volume.efs.accessPointId);
      if (volume.efs.iam !== undefined) authorization.IAM = volume.efs.iam;
      if (Object.keys(authorization).length > 0) efs.AuthorizationConfig = authorization;
      return { Name: volume.name, EFSVolumeConfiguration: efs };
    });
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
    PlatformVersion: values.text(step.service.platformVersion),
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
  const strategy = step.service.capacityProviderStrategy;
  if (strategy.length > 0)
    props.CapacityProviderStrategy = strategy.map((item) => ({
      CapacityProvider: item.capacityProvider,
      Weight: item.weight,
      ...(item.base !== undefined ? { Base: item.base } : {}),
    }));
  else props.LaunchType = 'FARGATE';
  // With auto-scaling the count belongs to Application Auto Scaling: a DesiredCount here would
  // be sent again on every service update and undo its scaling (docs/templates.md).
  if (!step.service.autoScaling) props.DesiredCount = values.number(step.service.desiredCount);
  if (step.service.loadBalancers.length > 0) {
    props.LoadBalancers = step.service.loadBalancers.map((balancer) => ({
      ContainerName: values.expand(balancer.containerName) ?? balancer.containerName,
      ContainerPort: balancer.containerPort,
      TargetGroupArn: values.text(balancer.targetGroupArn),
    }));
    props.HealthCheckGracePeriodSeconds = values.number(step.service.healthCheckGracePeriodSeconds);
  }
  Object.assign(props, discoveryServiceProperties(context));
  applyBlueGreen(context, props);
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
