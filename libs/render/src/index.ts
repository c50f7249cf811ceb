export * from './template.types';
export * from './render.types';
export { renderStack } from './render-stack';
export { convertStep, CLUSTER_PARAMETER } from './convert-step';
export { toJson, toYaml, templateHash, canonicalize } from './serialize';
export { findRenderProblems, type CheckInput } from './render-checks';
export { imageTagParameterName, pascalCase } from './parameter-names';
export { LOG_GROUP_ID, TASK_DEFINITION_ID, SERVICE_ID } from './build-context';
export {
  renderRunTaskStack,
  convertRunTaskStep,
  type RunTaskRenderInput,
  type RunTaskConvertInput,
} from './render-run-task';
