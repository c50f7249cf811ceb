import { z } from 'zod';
import { deploymentStatus } from '../deployments/deployment.response';
import { apiSchema, resourceRef, timestamp } from '../http/api-schemas';

/** A release as a dashboard cell names it. */
export const releaseRef = z.object({ id: z.string(), version: z.string() });

/** The deployment that succeeded last in a cell (what runs there), on either dashboard. */
export const liveDeployment = z.object({
  deploymentId: z.string(),
  release: releaseRef,
  finishedAt: timestamp.nullable(),
});
const count = z.number().int();

export const dashboardCellResponse = apiSchema(
  'DashboardCell',
  z.object({
    environment: resourceRef,
    release: releaseRef.meta({ description: 'The release of the latest deployment (attempt)' }),
    status: deploymentStatus,
    finishedAt: timestamp.nullable(),
    deploymentId: z.string().meta({ description: 'The latest deployment in the cell' }),
    live: liveDeployment
      .nullable()
      .meta({ description: 'The deployment that succeeded last: what runs there' }),
    tenants: z
      .object({
        succeeded: count,
        failed: count,
        total: count.meta({ description: 'Tenants connected to the project here' }),
        live: count,
        queued: count,
        running: count,
        waiting: count.meta({ description: 'Waiting for a manual intervention decision' }),
        cancelled: count,
      })
      .optional()
      .meta({
        description: 'Tenanted and mixed projects: how the latest deployment of each tenant stands',
      }),
  }),
);

export const dashboardResponse = apiSchema(
  'Dashboard',
  z.object({
    environments: z.array(
      z.object({ id: z.string(), slug: z.string(), name: z.string(), position: z.number().int() }),
    ),
    projects: z.array(
      z.object({
        project: z.object({
          id: z.string(),
          slug: z.string(),
          name: z.string(),
          tenancy: z.enum(['untenanted', 'tenanted', 'mixed']),
        }),
        cells: z.array(dashboardCellResponse).meta({
          description: 'One per environment that has a deployment, in environment order',
        }),
      }),
    ),
    total: z.number().int().meta({ description: 'Projects matching, over every page' }),
  }),
);
export type DashboardResponse = z.output<typeof dashboardResponse>;
