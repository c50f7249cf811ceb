import { z } from 'zod';
import { ecsServiceStepSchema, stepSchema } from '@gantry/domain';
import { apiSchema, pageOf, resourceRef, timestamp } from '../http/api-schemas';

/** The ECS service step as stored: every default filled in. */
export const ecsServiceStepResponse = apiSchema('EcsServiceStep', ecsServiceStepSchema);

/** A step of a deployment process as stored: slug fixed, environment conditions as slugs. */
export const processStepResponse = apiSchema('ProcessStep', stepSchema);

export const projectResponse = apiSchema(
  'Project',
  z.object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    lifecycle: resourceRef.nullable().meta({ description: 'null: the default lifecycle' }),
    tenancy: z.enum(['untenanted', 'tenanted', 'mixed']),
    targetTags: z.array(z.string()),
    steps: z.array(processStepResponse),
    step: ecsServiceStepResponse
      .optional()
      .meta({ description: 'The only step, when the process is one ecs-service step' }),
    retention: z
      .object({ keepTaskDefinitions: z.number().int() })
      .nullable()
      .meta({ description: 'Task definition revisions kept per family; null: all' }),
    createdAt: timestamp,
    updatedAt: timestamp,
  }),
);
export type ProjectResponse = z.output<typeof projectResponse>;

export const projectPage = pageOf('ProjectPage', projectResponse);
export type ProjectPage = z.output<typeof projectPage>;
