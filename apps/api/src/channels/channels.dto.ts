import { z } from 'zod';
import { nameField, refField, slugField } from '../http/fields';

const ruleSchema = z.strictObject({
  containers: z.array(z.string().min(1).max(63)).min(1, 'name at least one container').max(10),
  versionRange: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe("A semver range the tag must satisfy, pre-releases included: '>=1.2.0 <2.0.0'."),
  tagPattern: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe(
      "An RE2 regular expression the whole tag, or a semver tag's pre-release part, must match: '^$' (no pre-release), '-hotfix'. RE2 matches in linear time; it has no lookaround or backreferences.",
    ),
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
