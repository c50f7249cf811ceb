import { z } from 'zod';

/** The roles that may be named as approvers. A viewer reads; it never decides. */
export const APPROVER_ROLES = ['admin', 'deployer'] as const;
export type ApproverRole = (typeof APPROVER_ROLES)[number];

/** The longest wait a manual intervention may set: 30 days. */
export const MAX_INTERVENTION_TIMEOUT_MINUTES = 30 * 24 * 60;

export const approversSchema = z.strictObject({
  roles: z
    .array(
      z.enum(APPROVER_ROLES, { error: "must be 'admin' or 'deployer' (a viewer never decides)" }),
    )
    .max(3)
    .optional(),
  apiKeys: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
});

/**
 * The body of a `manual-intervention` step: what the person deciding reads (markdown), who may
 * decide (admins always, plus the roles and API keys named), how long it may wait before it counts
 * as a rejection, and whether the key that started the deployment may approve it.
 */
export const manualInterventionBodySchema = z.strictObject({
  instructions: z.string().trim().min(1).max(10_000),
  approvers: approversSchema.default({}),
  timeoutMinutes: z.number().int().min(1).max(MAX_INTERVENTION_TIMEOUT_MINUTES).optional(),
  preventSelfApproval: z.boolean().default(false),
});

export type ManualInterventionBody = z.infer<typeof manualInterventionBodySchema>;
export type Approvers = z.infer<typeof approversSchema>;
