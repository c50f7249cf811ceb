import { ecsRunTaskKind } from './ecs-run-task.kind';
import { ecsServiceKind } from './ecs-service.kind';
import { ecsUpdateServiceKind } from './ecs-update-service.kind';
import { manualInterventionKind } from './manual-intervention.kind';

/**
 * Every step kind. Adding one: a file beside this one (`defineStepKind`, see ecs-service.kind.ts)
 * and its name in this list; the process schema, release images and the planner follow.
 */
export const STEP_KINDS = [
  ecsServiceKind,
  ecsRunTaskKind,
  ecsUpdateServiceKind,
  manualInterventionKind,
] as const;
