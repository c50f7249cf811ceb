import { z } from 'zod';
import { TENANT_TAG_PATTERN } from '@gantry/domain';
import { nameField, refField, slugField } from '../http/fields';
import { pageSchema } from '../http/pagination';

/** Tenant tags always name their group, so tenants can be picked by `tier/gold`. */
export const tenantTagField = z
  .string()
  .max(100, 'must be at most 100 characters')
  .regex(TENANT_TAG_PATTERN, "must look like 'group/value', e.g. tier/gold");

const tagsField = z
  .array(tenantTagField)
  .max(100, 'at most 100 tags')
  .transform((tags) => [...new Set(tags)]);

const connectionSchema = z.strictObject({
  project: refField,
  environments: z
    .array(refField)
    .min(1, 'must list at least one environment')
    .max(100, 'at most 100 environments'),
});

const connectionsField = z.array(connectionSchema).max(500, 'at most 500 projects');

export const createTenantSchema = z.strictObject({
  name: nameField,
  slug: slugField.optional(),
  tags: tagsField.default([]),
  projects: connectionsField.default([]),
});

export const updateTenantSchema = z.strictObject({
  name: nameField.optional(),
  slug: slugField.optional(),
  tags: tagsField.optional(),
  projects: connectionsField.optional(),
});

export const tenantQuerySchema = pageSchema.extend({
  tag: z
    .union([tenantTagField, z.array(tenantTagField).max(50)])
    .optional()
    .transform((tag) => (tag === undefined ? [] : [tag].flat())),
  project: refField.optional(),
  /** `connections` embeds each tenant's projects and environments (`projects`), left out otherwise. */
  include: z.enum(['connections']).optional(),
});

export type CreateTenant = z.infer<typeof createTenantSchema>;
export type UpdateTenant = z.infer<typeof updateTenantSchema>;
export type TenantQuery = z.infer<typeof tenantQuerySchema>;
export type TenantConnectionBody = z.infer<typeof connectionSchema>;
