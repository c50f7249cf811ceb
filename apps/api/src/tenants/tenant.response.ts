import { z } from 'zod';
import { apiSchema, pageOf, resourceRef, timestamp } from '../http/api-schemas';

export const tenantResponse = apiSchema(
  'Tenant',
  z.object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    tags: z.array(z.string()),
    projects: z
      .array(z.object({ project: resourceRef, environments: z.array(resourceRef) }))
      .meta({ description: 'The projects the tenant is connected to, in which environments' }),
    createdAt: timestamp,
    updatedAt: timestamp,
  }),
);
export type TenantResponse = z.output<typeof tenantResponse>;

export const tenantListItem = apiSchema(
  'TenantListItem',
  tenantResponse.extend({
    projects: tenantResponse.shape.projects
      .optional()
      .meta({ description: 'Only with ?include=connections' }),
  }),
);

export const tenantPage = pageOf('TenantPage', tenantListItem);
export type TenantPage = z.output<typeof tenantPage>;
