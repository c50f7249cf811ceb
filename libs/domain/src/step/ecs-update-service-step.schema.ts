import { z } from 'zod';
import { IMAGE_REPOSITORY_PATTERN } from './ecs-service-step.schema';

/** A container name as ECS allows it (a service Gantry did not create may use any). */
export const ECS_CONTAINER_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,255}$/;

const environmentKey = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a valid environment variable name');

/**
 * The body of an `ecs-update-service` step: an ECS service Gantry did not create gets a new task
 * definition revision that changes only the images of the containers named here (the release
 * chooses each one's tag) and, when given, these environment variables of those containers.
 * `cluster` defaults to the target's cluster; `service` is a service name or ARN.
 */
export const ecsUpdateServiceStepShape = {
  cluster: z.string().trim().min(1).max(255).optional(),
  service: z.string().trim().min(1).max(2048),
  containers: z
    .record(
      z.string().regex(ECS_CONTAINER_NAME_PATTERN, 'must be an ECS container name'),
      z.strictObject({
        image: z
          .string()
          .max(255)
          .regex(
            IMAGE_REPOSITORY_PATTERN,
            'must be an image repository without a tag or digest (the release chooses the tag)',
          ),
      }),
    )
    .refine((containers) => Object.keys(containers).length > 0, 'name at least one container')
    .refine((containers) => Object.keys(containers).length <= 10, 'at most 10 containers'),
  /** Set (or replaced) in every container named in `containers`; other variables are kept. */
  environment: z.record(environmentKey, z.string()).default({}),
};

export const ecsUpdateServiceStepSchema = z.strictObject(ecsUpdateServiceStepShape);

export type EcsUpdateServiceStep = z.infer<typeof ecsUpdateServiceStepSchema>;
export type EcsUpdateServiceStepInput = z.input<typeof ecsUpdateServiceStepSchema>;
