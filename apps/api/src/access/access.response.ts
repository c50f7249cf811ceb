import { z } from 'zod';
import { apiSchema, pageOf, timestamp } from '../http/api-schemas';

export const apiKeyResponse = apiSchema(
  'ApiKey',
  z.object({
    id: z.string(),
    name: z.string(),
    role: z.enum(['admin', 'deployer', 'viewer']),
    keyPrefix: z.string().nullable().meta({
      description:
        'The first characters of a generated key, to recognise it; null for an operator-chosen key',
    }),
    environments: z.array(z.string()).meta({ description: 'Environment ids it is limited to' }),
    projects: z.array(z.string()).meta({ description: 'Project ids it is limited to' }),
    createdAt: timestamp,
    lastUsedAt: timestamp.nullable(),
  }),
);
export type ApiKeyResponse = z.output<typeof apiKeyResponse>;

export const createdApiKeyResponse = apiSchema(
  'CreatedApiKey',
  apiKeyResponse.extend({
    key: z.string().meta({ description: 'The secret key: shown once, in this response only' }),
  }),
);
export type CreatedApiKeyResponse = z.output<typeof createdApiKeyResponse>;

export const currentKeyResponse = apiSchema(
  'CurrentKey',
  z.object({
    id: z.string(),
    name: z.string(),
    role: z.enum(['admin', 'deployer', 'viewer']),
    environments: z.array(z.string()).meta({
      description: 'Environment ids a deployer key may deploy into; empty: every one',
    }),
    projects: z.array(z.string()).meta({
      description: 'Project ids a deployer key may deploy; empty: every one',
    }),
  }),
);
export type CurrentKeyResponse = z.output<typeof currentKeyResponse>;

export const apiKeyPage = pageOf('ApiKeyPage', apiKeyResponse);
export type ApiKeyPage = z.output<typeof apiKeyPage>;

export const auditEventResponse = apiSchema(
  'AuditEvent',
  z.object({
    id: z.string(),
    at: timestamp,
    actorKeyId: z.string().nullable(),
    actorName: z.string(),
    method: z.string(),
    route: z.string(),
    resourceId: z.string().nullable(),
    status: z.number().int(),
    outcome: z.string(),
    body: z.unknown().meta({ description: 'The request body, secret fields as ********' }),
  }),
);

export const auditPage = pageOf('AuditPage', auditEventResponse);
export type AuditPage = z.output<typeof auditPage>;
