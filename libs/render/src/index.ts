export * from './template.types';
export * from './render.types';
export { renderStack } from './render-stack';
export { convertStep, CLUSTER_PARAMETER } from './convert-step';
export { toJson, toYaml, templateHash, canonicalize } from './serialize';
export {
  assertProcessSavable,
  assertStepSavable,
  findRenderProblems,
  type CheckInput,
} from './render-checks';
export { imageTagParameterName, pascalCase } from './parameter-names';
export {
  EXECUTION_ROLE_ID,
  LOG_GROUP_ID,
  SCALABLE_TARGET_ID,
  SERVICE_ID,
  TASK_DEFINITION_ID,
} from './build-context';
export { scalingPolicyId } from './auto-scaling';
export { TASK_EXECUTION_POLICY_ARN } from './execution-role';
export {
  renderRunTaskStack,
  convertRunTaskStep,
  type RunTaskRenderInput,
  type RunTaskConvertInput,
} from './render-run-task';
