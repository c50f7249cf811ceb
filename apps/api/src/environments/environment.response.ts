import { z } from 'zod';
import { apiSchema, pageOf, timestamp } from '../http/api-schemas';

export const environmentResponse = apiSchema(
  'Environment',
  z.object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    position: z.number().int().meta({ description: 'Order on the dashboard and in lists' }),
    createdAt: timestamp,
    updatedAt: timestamp,
  }),
);
export type EnvironmentResponse = z.output<typeof environmentResponse>;

export const environmentPage = pageOf('EnvironmentPage', environmentResponse);
export type EnvironmentPage = z.output<typeof environmentPage>;
