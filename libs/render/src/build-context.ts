import type { EcsServiceStep } from '@gantry/domain';
import type { FieldValues } from './field-values';
import type { CfnValue } from './template.types';

export const LOG_GROUP_ID = 'LogGroup';
export const TASK_DEFINITION_ID = 'TaskDefinition';
export const SERVICE_ID = 'Service';
export const EXECUTION_ROLE_ID = 'ExecutionRole';
export const SCALABLE_TARGET_ID = 'ScalableTarget';

/** What the resource builders share for one render. */
export interface BuildContext {
  step: EcsServiceStep;
  values: FieldValues;
  /** Task definition family and service name (stable across releases). */
  name: CfnValue;
  logGroupName: CfnValue;
  cluster: CfnValue;
  /** Container name → its image tag parameter. */
  imageParameters: ReadonlyMap<string, string>;
  tags: CfnValue[];
  /** The Secrets Manager secrets the stack creates for sensitive environment values. */
  secrets: SecretPlan;
}

/** One `AWS::SecretsManager::Secret` of the stack: its value comes from `NoEcho` parameters. */
export interface StackSecret {
  logicalId: string;
  /** `Ref` of a parameter, or `Fn::Sub` of text around parameters. */
  value: CfnValue;
  /** What the secret holds, for its description (names only, never a value). */
  holds: string;
}

export interface SecretPlan {
  /** Logical id of the secret holding `containers[index].environment[key]`, when it is sensitive. */
  forEnvironment(containerIndex: number, key: string): string | undefined;
  readonly secrets: readonly StackSecret[];
}

/** True when some container ships its logs to CloudWatch, so the stack needs a log group. */
export function needsLogGroup(step: EcsServiceStep): boolean {
  return step.containers.some((container) => container.logging === 'awslogs');
}
