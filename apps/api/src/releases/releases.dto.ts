import { z } from 'zod';
import { httpUrl, refField } from '../http/fields';
import { pageSchema } from '../http/pagination';

export const createReleaseSchema = z.strictObject({
  version: z
    .string()
    .optional()
    .describe(
      "Default: defaultTag when it is a semantic version, else the images' tag when every image has the same one and it is a semantic version, otherwise the next patch version after the project's highest.",
    ),
  channel: refField.optional(),
  /**
   * `<step>/<container>` (or a bare container name when only one step has it) → Docker tag; the
   * tags are checked against the process and Docker's grammar in the service.
   */
  images: z.record(z.string(), z.string()).default({}),
  /** The tag of every container `images` does not name (CI builds every image with one tag). */
  defaultTag: z.string().optional(),
  notes: z.string().max(20000, 'must be at most 20000 characters').default(''),
  /** Where the images were built: shown on the release and in notifications. */
  build: z
    .strictObject({
      commit: z.string().min(1).max(200).optional(),
      branch: z.string().min(1).max(300).optional(),
      repository: z.string().min(1).max(500).optional(),
      url: httpUrl.optional(),
      number: z.string().min(1).max(100).optional(),
    })
    .optional(),
  workItems: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(200),
        title: z.string().max(500).optional(),
        url: httpUrl.optional(),
      }),
    )
    .max(200)
    .default([]),
});

export const blockReleaseSchema = z.strictObject({
  reason: z.string().trim().min(1, 'say why the release is blocked').max(2000),
});

export type BlockRelease = z.infer<typeof blockReleaseSchema>;

export type CreateRelease = z.infer<typeof createReleaseSchema>;

export const progressionQuerySchema = pageSchema.extend({
  environment: refField.optional(),
  status: z.enum(['deployed', 'allowed', 'blocked']).optional(),
});

export type ProgressionQuery = z.infer<typeof progressionQuerySchema>;
