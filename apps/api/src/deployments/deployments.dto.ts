import { z } from 'zod';
import { DEPLOYMENT_STATUSES, INTERVENTION_DECISIONS } from '@gantry/domain';
import { logSeqField, refField } from '../http/fields';
import { pageSchema } from '../http/pagination';
import { decodeCursor } from './deployment-cursor';

const tenantsField = z.array(refField).max(1000, 'at most 1000 tenants').optional();
const tenantTagsField = z
  .array(z.string().max(100, 'is too long'))
  .max(50, 'at most 50 tags')
  .optional();
/** An admin deploying through a freeze says why; the reason is audited and kept on the deployments. */
const overrideField = z
  .strictObject({ reason: z.string().trim().min(1, 'say why the freeze is overridden').max(2000) })
  .optional();

export const requestDeploymentsSchema = z.strictObject({
  environment: refField,
  tenants: tenantsField,
  tenantTags: tenantTagsField,
  force: z.boolean().default(false),
  override: overrideField,
});

export const promoteSchema = z.strictObject({
  from: refField,
  to: refField,
  tenants: tenantsField,
  tenantTags: tenantTagsField,
  force: z.boolean().default(false),
  override: overrideField,
  /** Pass over blocked releases: promote the last good release of `from` instead. */
  skipBlocked: z.boolean().default(false),
});

/** A decision on a manual intervention step; the note goes on the deployment and in its log. */
export const decideInterventionSchema = z.strictObject({
  decision: z.enum(INTERVENTION_DECISIONS, { error: "must be 'approve' or 'reject'" }),
  note: z.string().trim().max(2000, 'at most 2000 characters').optional(),
});
export type DecideIntervention = z.output<typeof decideInterventionSchema>;

export const deploymentQuerySchema = pageSchema.extend({
  project: refField.optional(),
  environment: refField.optional(),
  tenant: refField.optional(),
  /** A release's id: its deployments, e.g. all those its creation queued. */
  release: refField.optional(),
  status: z.enum(DEPLOYMENT_STATUSES).optional(),
  /** The `next` of the previous page. */
  after: z
    .string()
    .max(200, 'is too long')
    .transform((value, context) => {
      const cursor = decodeCursor(value);
      if (!cursor)
        context.addIssue({ code: 'custom', message: 'is not a cursor from a previous page' });
      return cursor ?? undefined;
    })
    .optional(),
  /** Unset: counted on offset pages (docs/api.md's `{items, total}`), not on cursor pages. */
  count: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true')),
});

export const logQuerySchema = z.strictObject({
  after: logSeqField.default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

export type RequestDeployments = z.infer<typeof requestDeploymentsSchema>;
export type Promote = z.infer<typeof promoteSchema>;
export type DeploymentQuery = z.infer<typeof deploymentQuerySchema>;
export type LogQuery = z.infer<typeof logQuerySchema>;
