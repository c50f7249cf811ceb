import { z } from 'zod';
import { nameField, slugField } from '../http/fields';

export const createEnvironmentSchema = z.strictObject({
  name: nameField,
  slug: slugField.optional(),
  description: z.string().max(2000).default(''),
});

export const updateEnvironmentSchema = z.strictObject({
  name: nameField.optional(),
  slug: slugField.optional(),
  description: z.string().max(2000).optional(),
  position: z.number().int().min(1).max(100000).optional(),
});

export type CreateEnvironment = z.infer<typeof createEnvironmentSchema>;
export type UpdateEnvironment = z.infer<typeof updateEnvironmentSchema>;
