import { z } from 'zod';
import { apiSchema } from '../http/api-schemas';

export const livenessResponse = apiSchema('Liveness', z.object({ status: z.literal('ok') }));
export type LivenessResponse = z.output<typeof livenessResponse>;

export const readinessResponse = apiSchema(
  'Readiness',
  z.object({
    status: z.enum(['ok', 'unavailable']),
    checks: z
      .object({ postgres: z.string(), redis: z.string() })
      .meta({ description: "'up', or 'down: <reason>'" }),
  }),
);
export type ReadinessResponse = z.output<typeof readinessResponse>;
