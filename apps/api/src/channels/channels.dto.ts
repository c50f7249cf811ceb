import { z } from 'zod';
import { nameField, refField, slugField } from '../http/fields';

const ruleSchema = z.strictObject({
  containers: z.array(z.string().min(1).max(63)).min(1, 'name at least one container').max(10),
  versionRange: z.string().trim().min(1).max(200).optional(),
  tagPattern: z.string().min(1).max(200).optional(),
});

export const createChannelSchema = z.strictObject({
  name: nameField,
  slug: slugField.optional(),
  lifecycle: refField.optional(),
  isDefault: z.boolean().default(false),
  rules: z.array(ruleSchema).max(20).default([]),
});

export const updateChannelSchema = z.strictObject({
  name: nameField.optional(),
  slug: slugField.optional(),
  lifecycle: refField.nullable().optional(),
  isDefault: z.boolean().optional(),
  rules: z.array(ruleSchema).max(20).optional(),
});

export type CreateChannel = z.infer<typeof createChannelSchema>;
export type UpdateChannel = z.infer<typeof updateChannelSchema>;
