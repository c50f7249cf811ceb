import { z } from 'zod';
import { apiSchema, pageOf, resourceRef, timestamp } from '../http/api-schemas';

export const subscriptionResponse = apiSchema(
  'Subscription',
  z.object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    kind: z.enum(['webhook', 'slack', 'email']),
    events: z.array(z.string()),
    projects: z.array(resourceRef).meta({ description: 'Empty: every project' }),
    environments: z.array(resourceRef).meta({ description: 'Empty: every environment' }),
    tenantTags: z.array(z.string()).meta({ description: 'Empty: every tenant' }),
    enabled: z.boolean(),
    url: z
      .string()
      .optional()
      .meta({ description: 'Webhook and Slack: the origin only, the rest masked' }),
    secret: z.string().optional().meta({ description: 'Webhook: always masked' }),
    to: z.array(z.string()).optional(),
    from: z.string().optional(),
    smtp: z
      .object({
        host: z.string(),
        port: z.number().int(),
        secure: z.boolean(),
        username: z.string().optional(),
        password: z.string().nullable().meta({ description: 'Masked, or null when none' }),
      })
      .optional(),
    createdAt: timestamp,
    updatedAt: timestamp,
  }),
);
export type SubscriptionResponse = z.output<typeof subscriptionResponse>;

export const subscriptionPage = pageOf('SubscriptionPage', subscriptionResponse);
export type SubscriptionPage = z.output<typeof subscriptionPage>;

export const deliveryResponse = apiSchema(
  'NotificationDelivery',
  z.object({
    id: z.string(),
    notificationId: z.string(),
    event: z.string(),
    attempt: z.number().int().meta({ description: '1 for the first attempt' }),
    replay: z.boolean().meta({ description: 'Made by a replay request' }),
    outcome: z.enum(['delivered', 'failed']),
    responseStatus: z.number().int().nullable().meta({ description: "The receiver's HTTP status" }),
    error: z.string().nullable(),
    durationMs: z.number().int(),
    at: timestamp,
  }),
);

export const deliveryPage = pageOf('NotificationDeliveryPage', deliveryResponse);
export type DeliveryPage = z.output<typeof deliveryPage>;

export const replayResponse = apiSchema(
  'NotificationReplay',
  z.object({ notificationId: z.string(), replayed: z.literal(true) }),
);
export type ReplayResponse = z.output<typeof replayResponse>;
