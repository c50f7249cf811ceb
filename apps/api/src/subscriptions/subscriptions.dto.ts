import { z } from 'zod';
import { NOTIFICATION_EVENTS } from '@gantry/domain';
import { httpUrl, nameField, refField, slugField, tagField } from '../http/fields';

const events = z.array(z.enum(NOTIFICATION_EVENTS)).min(1, 'name at least one event').max(20);
const filters = {
  projects: z.array(refField).max(500).describe('empty: every project'),
  environments: z.array(refField).max(500).describe('empty: every environment'),
  tenantTags: z.array(tagField).max(50).describe('deployments of tenants with these tags'),
};
const signingSecret = z.string().min(16, 'must be at least 16 characters').max(500);
const smtpSchema = z.strictObject({
  host: z.string().min(1).max(255),
  port: z.number().int().min(1).max(65535).default(587),
  secure: z
    .boolean()
    .default(false)
    .describe('TLS from the start (port 465); otherwise STARTTLS when offered'),
  username: z.string().min(1).max(255).optional(),
  password: z.string().min(1).max(500).optional().describe('write-only, stored encrypted'),
});
const email = z.email();

/** The kind-specific fields each kind of subscription takes. */
export const KIND_FIELDS = {
  webhook: ['url', 'secret'],
  slack: ['url'],
  email: ['to', 'from', 'smtp'],
} as const;

/** One flat object (not a union), so every invalid field is named at its own path. */
export const createSubscriptionSchema = z
  .strictObject({
    name: nameField,
    slug: slugField.optional(),
    kind: z.enum(['webhook', 'slack', 'email']),
    events,
    projects: filters.projects.default([]),
    environments: filters.environments.default([]),
    tenantTags: filters.tenantTags.default([]),
    enabled: z.boolean().default(true),
    url: httpUrl
      .optional()
      .describe('webhook and slack: where to POST (write-only, stored encrypted)'),
    secret: signingSecret
      .optional()
      .describe('webhook: signs every request (HMAC-SHA256); write-only'),
    to: z.array(email).min(1).max(50).optional().describe('email: recipients'),
    from: email.optional().describe('email: sender'),
    smtp: smtpSchema.optional().describe('email: the SMTP server'),
  })
  .superRefine((value, context) => {
    const fields = ['url', 'secret', 'to', 'from', 'smtp'] as const;
    const needed: readonly string[] = KIND_FIELDS[value.kind];
    for (const field of fields) {
      const given = value[field] !== undefined;
      if (needed.includes(field) && !given)
        context.addIssue({
          code: 'custom',
          path: [field],
          message: `required for a ${value.kind} subscription`,
        });
      if (!needed.includes(field) && given)
        context.addIssue({
          code: 'custom',
          path: [field],
          message: `does not apply to a ${value.kind} subscription`,
        });
    }
  });

export const updateSubscriptionSchema = z.strictObject({
  name: nameField.optional(),
  slug: slugField.optional(),
  events: events.optional(),
  projects: filters.projects.optional(),
  environments: filters.environments.optional(),
  tenantTags: filters.tenantTags.optional(),
  enabled: z.boolean().optional(),
  url: httpUrl.optional(),
  secret: signingSecret.optional(),
  to: z.array(email).min(1).max(50).optional(),
  from: email.optional(),
  smtp: smtpSchema.optional(),
});

export type CreateSubscription = z.infer<typeof createSubscriptionSchema>;
export type UpdateSubscription = z.infer<typeof updateSubscriptionSchema>;
