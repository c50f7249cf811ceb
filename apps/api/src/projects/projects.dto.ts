import { z } from 'zod';
import { ecsServiceStepSchema } from '@gantry/domain';
import { nameField, refField, slugField, tagField } from '../http/fields';

const tenancy = z.enum(['untenanted', 'tenanted', 'mixed']);

export const createProjectSchema = z.strictObject({
  name: nameField,
  slug: slugField.optional(),
  description: z.string().max(2000).default(''),
  lifecycle: refField.optional(),
  tenancy: tenancy.default('untenanted'),
  targetTags: z.array(tagField).min(1, 'name at least one target tag').max(50),
  step: ecsServiceStepSchema,
});

export const updateProjectSchema = z.strictObject({
  name: nameField.optional(),
  slug: slugField.optional(),
  description: z.string().max(2000).optional(),
  lifecycle: refField.nullable().optional(),
  tenancy: tenancy.optional(),
  targetTags: z.array(tagField).min(1, 'name at least one target tag').max(50).optional(),
  step: ecsServiceStepSchema.optional(),
});

export type CreateProject = z.infer<typeof createProjectSchema>;
export type UpdateProject = z.infer<typeof updateProjectSchema>;
