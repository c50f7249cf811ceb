import { z } from 'zod';
import { apiSchema, resourceRef } from '../http/api-schemas';

export const releaseDiffResponse = apiSchema(
  'ReleaseDiff',
  z.object({
    release: z.object({ id: z.string(), version: z.string() }),
    environment: resourceRef,
    tenant: resourceRef.nullable(),
    target: resourceRef,
    stackName: z.string(),
    stackExists: z
      .boolean()
      .meta({ description: 'False when the stack does not exist yet: every resource is added' }),
    changes: z.array(
      z.object({
        action: z.string().meta({ description: 'Add, Modify or Remove' }),
        logicalId: z.string(),
        resourceType: z.string(),
        replacement: z.string().nullable(),
        properties: z.array(
          z.object({
            path: z.string().meta({ description: 'e.g. /Properties/ContainerDefinitions/0/Image' }),
            change: z.string().meta({ description: 'Add, Remove or Modify' }),
            before: z.string().optional(),
            after: z.string().optional(),
          }),
        ),
      }),
    ),
  }),
);
export type ReleaseDiff = z.output<typeof releaseDiffResponse>;
