import { z } from 'zod';
import { apiSchema, resourceRef } from '../http/api-schemas';

export const retentionPreviewResponse = apiSchema(
  'RetentionPreview',
  z.object({
    releases: z
      .array(
        z.object({
          id: z.string(),
          version: z.string(),
          project: resourceRef,
          deployments: z.number().int(),
          logLines: z.number().int(),
        }),
      )
      .meta({ description: 'Releases a run would delete, with their deployments and log lines' }),
    taskDefinitions: z
      .array(
        z.object({
          project: resourceRef,
          target: resourceRef,
          taskDefinitionArn: z.string(),
        }),
      )
      .meta({ description: 'Task definition revisions a run would deregister' }),
    skipped: z
      .array(z.object({ target: resourceRef, reason: z.string() }))
      .meta({ description: 'Targets whose task definitions could not be looked at now' }),
  }),
);
export type RetentionPreviewResponse = z.output<typeof retentionPreviewResponse>;
