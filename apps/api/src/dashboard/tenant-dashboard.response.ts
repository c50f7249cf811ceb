import { z } from 'zod';
import { deploymentStatus } from '../deployments/deployment.response';
import { apiSchema, timestamp } from '../http/api-schemas';
import { liveDeployment, releaseRef } from './dashboard.response';

export const tenantDashboardCellResponse = apiSchema(
  'TenantDashboardCell',
  z.object({
    environmentId: z.string().meta({ description: "One of the page's `environments`" }),
    connected: z.boolean().meta({
      description:
        'Whether the tenant is connected to the project here (false: a stack from before it was disconnected)',
    }),
    live: liveDeployment
      .nullable()
      .meta({ description: "The tenant's deployment that succeeded last here: what runs there" }),
    latest: z
      .object({
        deploymentId: z.string(),
        release: releaseRef,
        status: deploymentStatus,
        finishedAt: timestamp.nullable(),
      })
      .nullable()
      .meta({ description: "The tenant's latest deployment (attempt) here; null: never deployed" }),
  }),
);

export const tenantDashboardResponse = apiSchema(
  'TenantDashboard',
  z.object({
    project: z.object({
      id: z.string(),
      slug: z.string(),
      name: z.string(),
      tenancy: z.enum(['untenanted', 'tenanted', 'mixed']),
    }),
    environments: z
      .array(
        z.object({
          id: z.string(),
          slug: z.string(),
          name: z.string(),
          position: z.number().int(),
        }),
      )
      .meta({
        description:
          'The environments where the project has tenants (connected or deployed), in promotion order',
      }),
    tags: z.array(z.string()).meta({
      description: "Every tag of the project's tenants, sorted: what `tag` can pick from",
    }),
    items: z.array(
      z.object({
        tenant: z.object({
          id: z.string(),
          slug: z.string(),
          name: z.string(),
          tags: z.array(z.string()),
        }),
        cells: z.array(tenantDashboardCellResponse).meta({
          description:
            'One per environment the tenant is connected to or has a stack in, in environment order',
        }),
      }),
    ),
    total: z
      .number()
      .int()
      .meta({ description: 'Tenants matching `tag` and `search`, every page' }),
    next: z
      .string()
      .nullable()
      .meta({ description: 'The cursor of the following page (`?after=`), null on the last' }),
  }),
);
export type TenantDashboardResponse = z.output<typeof tenantDashboardResponse>;
