import { z } from 'zod';
import { WEEKDAYS } from '@gantry/domain';
import { nameField, refField, slugField } from '../http/fields';

const instant = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time with a time zone offset or Z',
});

const recurrenceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('weekly'),
    days: z.array(z.enum(WEEKDAYS)).min(1, 'name at least one day').max(7),
    from: z.string().describe('local time HH:MM in timeZone'),
    to: z
      .string()
      .describe(
        'local time HH:MM (24:00 is the end of the day); at or before from runs past midnight',
      ),
  }),
  z.strictObject({
    kind: z.literal('cron'),
    expression: z
      .string()
      .min(1)
      .max(200)
      .describe('five-field cron expression, local to timeZone'),
    durationMinutes: z.number().int().min(1).max(10080),
  }),
]);

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
