import { z } from 'zod';
import { tenantTagField } from '../tenants/tenants.dto';
import { decodeTenantCursor } from './tenant-cursor';

/** Tenants on one page unless `limit` says otherwise. */
export const TENANT_DASHBOARD_PAGE = 100;
/** The most tenants one page may ask for. */
export const TENANT_DASHBOARD_MAX_PAGE = 1000;

export const tenantDashboardQuerySchema = z.strictObject({
  tag: z
    .union([tenantTagField, z.array(tenantTagField).max(50, 'at most 50 tags')])
    .optional()
    .transform((tag) => (tag === undefined ? [] : [tag].flat()))
    .meta({ description: "Tenant tag 'group/value'; repeat it: one tag of each group must match" }),
  search: z
    .string()
    .trim()
    .max(100, 'must be at most 100 characters')
    .optional()
    .transform((search) => search || undefined)
    .meta({ description: "Part of the tenant's name or slug, in any case" }),
  after: z
    .string()
    .max(300, 'is too long')
    .transform((value, context) => {
      const name = decodeTenantCursor(value);
      if (name === null)
        context.addIssue({ code: 'custom', message: 'is not a cursor from a previous page' });
      return name ?? undefined;
    })
    .optional()
    .meta({ description: 'The `next` of the previous page' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(TENANT_DASHBOARD_MAX_PAGE)
    .default(TENANT_DASHBOARD_PAGE),
});

export type TenantDashboardQuery = z.output<typeof tenantDashboardQuerySchema>;
