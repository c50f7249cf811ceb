import { containersProblems, stepFargateProblems } from '../../step/ecs-service-step.schema';
import { ecsRunTaskStepShape } from '../../step/ecs-run-task-step.schema';
import { defineStepKind } from '../step-kind';

/**
 * `ecs-run-task`: a one-off Fargate task (a database migration). Its task definition is a
 * CloudFormation stack per target (revisions retained); then RunTask, and success only when
 * every essential container exited 0.
 */
export const ecsRunTaskKind = defineStepKind({
  kind: 'ecs-run-task',
  shape: ecsRunTaskStepShape,
  problems: (step) => containersProblems(step.containers),
  sizeProblems: (step) => stepFargateProblems(step),
  scope: 'targets',
  containers: (step) => step.containers.map((container) => container.name),
  deploysStack: true,
});
