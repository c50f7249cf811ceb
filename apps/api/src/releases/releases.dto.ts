import { z } from 'zod';
import { refField } from '../http/fields';
import { pageSchema } from '../http/pagination';

export const createReleaseSchema = z.strictObject({
  version: z
    .string()
    .optional()
    .describe(
      "Default: the images' tag when every image has the same one and it is a semantic version, otherwise the next patch version after the project's highest.",
    ),
  channel: refField.optional(),
  /** Container name → Docker tag; the tags are checked against the step and Docker's grammar in the service. */
  images: z.record(z.string(), z.string()),
  notes: z.string().max(20000, 'must be at most 20000 characters').default(''),
});

export type CreateRelease = z.infer<typeof createReleaseSchema>;

export const progressionQuerySchema = pageSchema.extend({
  environment: refField.optional(),
  status: z.enum(['deployed', 'allowed', 'blocked']).optional(),
});

export type ProgressionQuery = z.infer<typeof progressionQuerySchema>;
