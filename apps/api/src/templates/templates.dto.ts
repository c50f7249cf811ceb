import { z } from 'zod';
import { refField } from '../http/fields';

const format = z.enum(['json', 'yaml']).default('json');

/** The step of a process of several (its slug); a process of one step needs none. */
const step = refField.optional();

export const releaseTemplateQuery = z.strictObject({
  environment: refField,
  step,
  tenant: refField.optional(),
  target: refField.optional(),
  format,
});

export const releaseDiffQuery = z.strictObject({
  environment: refField,
  step,
  tenant: refField.optional(),
  target: refField.optional(),
});

export const projectTemplateQuery = z.strictObject({
  format,
  /** A release whose image tags become the parameters' defaults. */
  release: z.string().uuid().optional(),
});

export type ReleaseTemplateQuery = z.infer<typeof releaseTemplateQuery>;
export type ReleaseDiffQuery = z.infer<typeof releaseDiffQuery>;
export type ProjectTemplateQuery = z.infer<typeof projectTemplateQuery>;
