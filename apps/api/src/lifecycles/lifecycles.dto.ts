import { z } from 'zod';
import { nameField, refField, slugField } from '../http/fields';

const phaseSchema = z.strictObject({
  name: nameField,
  environments: z.array(refField).min(1, 'a phase needs at least one environment').max(100),
  automatic: z.array(refField).max(100).default([]),
  minimumEnvironmentsBeforePromotion: z.number().int().min(0).max(100).default(0),
  optional: z.boolean().default(false),
  retention: z
    .strictObject({
      keepReleases: z
        .number()
        .int()
        .min(1)
        .max(100_000)
        .meta({ description: 'Keep the newest N releases deployed into this phase' }),
    })
    .nullable()
    .default(null)
    .meta({ description: 'Retention of releases in this phase; null (the default): keep all' }),
});

export const createLifecycleSchema = z.strictObject({
  name: nameField,
  slug: slugField.optional(),
  phases: z.array(phaseSchema).min(1, 'a lifecycle needs at least one phase').max(50),
});

export const updateLifecycleSchema = z.strictObject({
  name: nameField.optional(),
  slug: slugField.optional(),
  phases: z.array(phaseSchema).min(1, 'a lifecycle needs at least one phase').max(50).optional(),
});

export type PhaseInput = z.infer<typeof phaseSchema>;
export type CreateLifecycle = z.infer<typeof createLifecycleSchema>;
export type UpdateLifecycle = z.infer<typeof updateLifecycleSchema>;
