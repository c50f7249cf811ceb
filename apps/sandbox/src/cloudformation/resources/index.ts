import { scalableTargetProvider, scalingPolicyProvider } from './auto-scaling.provider';
import { clusterProvider } from './cluster.provider';
import { discoveryServiceProvider } from './discovery-service.provider';
import { iamRoleProvider } from './iam-role.provider';
import { logGroupProvider } from './log-group.provider';
import type { ResourceProvider } from './provider';
import { secretProvider } from './secret.provider';
import { serviceProvider } from './service.provider';
import { ssmParameterProvider } from './ssm-parameter.provider';
import { taskDefinitionProvider } from './task-definition.provider';

/** The resource types the sandbox provisions; any other type fails validation. */
export const PROVIDERS: Record<string, ResourceProvider> = {
  'AWS::ECS::Cluster': clusterProvider,
  'AWS::ECS::TaskDefinition': taskDefinitionProvider,
  'AWS::ECS::Service': serviceProvider,
  'AWS::Logs::LogGroup': logGroupProvider,
  'AWS::IAM::Role': iamRoleProvider,
  'AWS::SecretsManager::Secret': secretProvider,
  'AWS::ApplicationAutoScaling::ScalableTarget': scalableTargetProvider,
  'AWS::ApplicationAutoScaling::ScalingPolicy': scalingPolicyProvider,
  'AWS::ServiceDiscovery::Service': discoveryServiceProvider,
  'AWS::SSM::Parameter': ssmParameterProvider,
};
