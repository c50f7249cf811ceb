import { z } from 'zod';
import { WEEKDAYS, type Recurrence } from '@gantry/domain';
import { nameField, refField, slugField } from '../http/fields';

const instant = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time with a time zone offset or Z',
});

/** One flat object (not a union), so every invalid field is named at its own path. */
const recurrenceSchema = z
  .strictObject({
    kind: z.enum(['weekly', 'cron']),
    days: z.array(z.enum(WEEKDAYS)).min(1, 'name at least one day').max(7).optional(),
    from: z.string().max(5).optional().describe('weekly: local time HH:MM in timeZone'),
    to: z
      .string()
      .max(5)
      .optional()
      .describe(
        'weekly: local time HH:MM (24:00 is the end of the day); at or before from runs past midnight',
      ),
    expression: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('cron: five-field expression, local to timeZone'),
    durationMinutes: z
      .number()
      .int()
      .min(1)
      .max(10080)
      .optional()
      .describe('cron: how long each window lasts'),
  })
  .superRefine((value, context) => {
    const needed =
      value.kind === 'weekly' ? ['days', 'from', 'to'] : ['expression', 'durationMinutes'];
    const other =
      value.kind === 'weekly' ? ['expression', 'durationMinutes'] : ['days', 'from', 'to'];
    for (const field of needed)
      if ((value as Record<string, unknown>)[field] === undefined)
        context.addIssue({
          code: 'custom',
          path: [field],
          message: `required for a ${value.kind} recurrence`,
        });
    for (const field of other)
      if ((value as Record<string, unknown>)[field] !== undefined)
        context.addIssue({
          code: 'custom',
          path: [field],
          message: `does not apply to a ${value.kind} recurrence`,
        });
  })
  .transform((value): Recurrence =>
    value.kind === 'weekly'
      ? { kind: 'weekly', days: value.days!, from: value.from!, to: value.to! }
      : { kind: 'cron', expression: value.expression!, durationMinutes: value.durationMinutes! },
  );

const scopeRefs = z.array(refField).max(500);

export const createFreezeSchema = z.strictObject({
  name: nameField,
  slug: slugField.optional(),
  reason: z.string().max(2000).default(''),
  start: instant.optional().describe('a one-off window starts here (or bounds a recurring one)'),
  end: instant.optional(),
  recurrence: recurrenceSchema.optional(),
  timeZone: z
    .string()
    .min(1)
    .max(64)
    .default('UTC')
    .describe('IANA time zone of recurring local times'),
  projects: scopeRefs.default([]).describe('empty: every project'),
  environments: scopeRefs.default([]).describe('empty: every environment'),
  tenants: scopeRefs.default([]).describe('empty: every tenant, and untenanted deployments'),
});

export const updateFreezeSchema = z.strictObject({
  name: nameField.optional(),
  slug: slugField.optional(),
  reason: z.string().max(2000).optional(),
  start: instant.nullable().optional(),
  end: instant.nullable().optional(),
  recurrence: recurrenceSchema.nullable().optional(),
  timeZone: z.string().min(1).max(64).optional(),
  projects: scopeRefs.optional(),
  environments: scopeRefs.optional(),
  tenants: scopeRefs.optional(),
});

export type CreateFreeze = z.infer<typeof createFreezeSchema>;
export type UpdateFreeze = z.infer<typeof updateFreezeSchema>;
