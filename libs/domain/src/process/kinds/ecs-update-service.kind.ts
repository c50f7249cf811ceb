import { ecsUpdateServiceStepShape } from '../../step/ecs-update-service-step.schema';
import { defineStepKind } from '../step-kind';

/**
 * `ecs-update-service`: a service Gantry did not create gets a new task definition revision
 * (every field kept, only the named containers' images and the given environment changed) and
 * an UpdateService, on every matching target. No stack of its own.
 */
export const ecsUpdateServiceKind = defineStepKind({
  kind: 'ecs-update-service',
  shape: ecsUpdateServiceStepShape,
  scope: 'targets',
  containers: (step) => Object.keys(step.containers),
  deploysStack: false,
});
