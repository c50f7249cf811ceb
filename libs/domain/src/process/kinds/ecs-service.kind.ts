import {
  ecsServiceStepSchema,
  stepConsistencyProblems,
  stepFargateProblems,
  type EcsServiceStep,
} from '../../step/ecs-service-step.schema';
import { defineStepKind } from '../step-kind';

/** `ecs-service`: an ECS service deployed as a CloudFormation stack (the single-step model's step). */
export const ecsServiceKind = defineStepKind({
  kind: 'ecs-service',
  shape: ecsServiceStepSchema.shape,
  problems: (step) => stepConsistencyProblems(step as EcsServiceStep),
  sizeProblems: (step) => stepFargateProblems(step as EcsServiceStep),
  scope: 'targets',
  containers: (step) => step.containers.map((container) => container.name),
  deploysStack: true,
});
