import { z } from 'zod';
import { apiSchema, pageOf, resourceRef, timestamp } from '../http/api-schemas';

export const channelRuleResponse = apiSchema(
  'ChannelRule',
  z.object({
    containers: z.array(z.string()),
    versionRange: z.string().optional(),
    tagPattern: z.string().optional(),
  }),
);

export const channelResponse = apiSchema(
  'Channel',
  z.object({
    id: z.string(),
    projectId: z.string(),
    slug: z.string(),
    name: z.string(),
    lifecycle: resourceRef.nullable().meta({ description: "null: the project's lifecycle" }),
    isDefault: z.boolean(),
    rules: z.array(channelRuleResponse),
    createdAt: timestamp,
    updatedAt: timestamp,
  }),
);
export type ChannelResponse = z.output<typeof channelResponse>;

export const channelPage = pageOf('ChannelPage', channelResponse);
export type ChannelPage = z.output<typeof channelPage>;
