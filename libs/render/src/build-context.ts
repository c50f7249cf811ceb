import type { EcsServiceStep } from '@gantry/domain';
import type { FieldValues } from './field-values';
import type { CfnValue } from './template.types';

export const LOG_GROUP_ID = 'LogGroup';
export const TASK_DEFINITION_ID = 'TaskDefinition';
export const SERVICE_ID = 'Service';

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
}

/** True when some container ships its logs to CloudWatch, so the stack needs a log group. */
export function needsLogGroup(step: EcsServiceStep): boolean {
  return step.containers.some((container) => container.logging === 'awslogs');
}
