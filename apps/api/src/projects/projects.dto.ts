import { z } from 'zod';
import { ecsServiceStepSchema, stepsSchema } from '@gantry/domain';
import { nameField, refField, slugField, tagField } from '../http/fields';

const tenancy = z.enum(['untenanted', 'tenanted', 'mixed']);

const retention = z
  .strictObject({
    keepTaskDefinitions: z.number().int().min(1).max(100_000).meta({
      description:
        'Keep the newest N revisions of each task definition family on the targets; older ones no service uses are deregistered',
    }),
  })
  .nullable()
  .meta({ description: 'Retention of task definition revisions; null (the default): keep all' });

export const createProjectSchema = z.strictObject({
  name: nameField,
  slug: slugField.optional(),
  description: z.string().max(2000).default(''),
  lifecycle: refField.optional(),
  tenancy: tenancy.default('untenanted'),
  targetTags: z.array(tagField).min(1, 'name at least one target tag').max(50),
  /** The deployment process: ordered steps (1–20). */
  steps: stepsSchema.optional(),
  /** Shorthand for `steps` of one `ecs-service` step. */
  step: ecsServiceStepSchema.optional(),
  retention: retention.default(null),
});

export const updateProjectSchema = z.strictObject({
  name: nameField.optional(),
  slug: slugField.optional(),
  description: z.string().max(2000).optional(),
  lifecycle: refField.nullable().optional(),
  tenancy: tenancy.optional(),
  targetTags: z.array(tagField).min(1, 'name at least one target tag').max(50).optional(),
  /** Replaces the process; a step keeps its stack names through its slug. */
  steps: stepsSchema.optional(),
  /** Replaces the body of the project's only `ecs-service` step. */
  step: ecsServiceStepSchema.optional(),
  retention: retention.optional(),
});

export type CreateProject = z.infer<typeof createProjectSchema>;
export type UpdateProject = z.infer<typeof updateProjectSchema>;
