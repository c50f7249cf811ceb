import { z } from 'zod';
import { WEEKDAYS } from '@gantry/domain';
import { apiSchema, pageOf, resourceRef, timestamp } from '../http/api-schemas';

const recurrenceResponse = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('weekly'),
      days: z.array(z.enum(WEEKDAYS)),
      from: z.string().meta({ description: 'Local time HH:MM' }),
      to: z.string().meta({ description: 'Local time HH:MM; at or before `from`: the next day' }),
    }),
    z.object({
      kind: z.literal('cron'),
      expression: z.string(),
      durationMinutes: z.number().int(),
    }),
  ])
  .nullable()
  .meta({ description: 'A recurring window, read in `timeZone`; null for a one-off window' });

export const freezeResponse = apiSchema(
  'Freeze',
  z.object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    reason: z.string(),
    start: timestamp.nullable().meta({ description: 'A one-off window, or a recurrence’s bounds' }),
    end: timestamp.nullable(),
    recurrence: recurrenceResponse,
    timeZone: z.string().meta({ description: 'IANA time zone of the recurring window' }),
    projects: z.array(resourceRef).meta({ description: 'Empty: every project' }),
    environments: z.array(resourceRef).meta({ description: 'Empty: every environment' }),
    tenants: z.array(resourceRef).meta({ description: 'Empty: every tenant' }),
    active: z.boolean().meta({ description: 'Whether the freeze holds now' }),
    activeUntil: timestamp.nullable().meta({ description: 'When the current window ends' }),
    createdAt: timestamp,
    updatedAt: timestamp,
  }),
);
export type FreezeResponse = z.output<typeof freezeResponse>;

export const freezePage = pageOf('FreezePage', freezeResponse);
export type FreezePage = z.output<typeof freezePage>;
