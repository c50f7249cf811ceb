import { z } from 'zod';
import { refField } from '../http/fields';
import { tenantTagField } from '../tenants/tenants.dto';

/** Projects on one dashboard page unless `limit` says otherwise. */
export const DASHBOARD_PAGE = 100;

export const dashboardQuerySchema = z.strictObject({
  project: refField.optional(),
  environment: refField.optional(),
  tenantTag: z
    .union([tenantTagField, z.array(tenantTagField).max(50)])
    .optional()
    .transform((tag) => (tag === undefined ? [] : [tag].flat())),
  limit: z.coerce.number().int().min(1).max(500).default(DASHBOARD_PAGE),
  offset: z.coerce.number().int().min(0).default(0),
});

export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;
