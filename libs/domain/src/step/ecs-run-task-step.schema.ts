import { z } from 'zod';
import {
  containerSchema,
  containersProblems,
  networkSchema,
  taskSchema,
} from './ecs-service-step.schema';

/** The longest a one-off task may run before Gantry stops it (a day, in seconds). */
export const RUN_TASK_MAX_TIMEOUT_SECONDS = 86_400;

/**
 * The body of an `ecs-run-task` step: a one-off Fargate task (a database migration, a cache
 * warm-up) with the containers, task size and network of an `ecs-service` step.
 * `timeoutSeconds`: how long the task may run before it is stopped and the step fails; without
 * it, the deployment's own timeout applies.
 */
export const ecsRunTaskStepShape = {
  containers: z.array(containerSchema).min(1).max(10),
  task: taskSchema,
  network: networkSchema,
  timeoutSeconds: z.number().int().min(1).max(RUN_TASK_MAX_TIMEOUT_SECONDS).optional(),
};

export const ecsRunTaskStepSchema = z.strictObject(ecsRunTaskStepShape).superRefine((step, ctx) => {
  for (const issue of containersProblems(step.containers))
    ctx.addIssue({ code: 'custom', ...issue });
});

export type EcsRunTaskStep = z.infer<typeof ecsRunTaskStepSchema>;
export type EcsRunTaskStepInput = z.input<typeof ecsRunTaskStepSchema>;
