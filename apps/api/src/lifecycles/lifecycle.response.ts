import { z } from 'zod';
import { apiSchema, namedRef, pageOf, timestamp } from '../http/api-schemas';

export const lifecyclePhaseResponse = apiSchema(
  'LifecyclePhase',
  z.object({
    name: z.string(),
    environments: z.array(namedRef),
    automatic: z.array(namedRef).meta({
      description:
        'Environments a new release (or a success in the previous phase) deploys to on its own',
    }),
    minimumEnvironmentsBeforePromotion: z.number().int(),
    optional: z.boolean(),
    retention: z
      .object({ keepReleases: z.number().int() })
      .nullable()
      .meta({ description: 'Keep the newest keepReleases releases deployed here; null: all' }),
  }),
);

export const lifecycleResponse = apiSchema(
  'Lifecycle',
  z.object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    phases: z.array(lifecyclePhaseResponse),
    createdAt: timestamp,
    updatedAt: timestamp,
  }),
);
export type LifecycleResponse = z.output<typeof lifecycleResponse>;

export const lifecyclePage = pageOf('LifecyclePage', lifecycleResponse);
export type LifecyclePage = z.output<typeof lifecyclePage>;
