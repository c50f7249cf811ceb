import { z } from 'zod';
import type { TargetRecord } from '@gantry/persistence';
import { apiSchema, pageOf, resourceRef, timestamp } from '../http/api-schemas';

export const targetResponseSchema = apiSchema(
  'Target',
  z.object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    environments: z.array(resourceRef),
    tags: z.array(z.string()),
    tenants: z.array(resourceRef),
    tenantedMode: z.enum(['untenanted', 'tenanted', 'mixed']),
    region: z.string(),
    cluster: z.string(),
    credentials: z
      .object({
        type: z.enum(['default', 'keys', 'assume-role', 'sandbox']),
        accessKeyId: z.string().optional(),
        roleArn: z.string().optional(),
        externalId: z.string().optional(),
        hasSecret: z.boolean().meta({ description: 'Whether a secret access key is stored' }),
      })
      .meta({ description: 'The secret access key is write-only: never returned' }),
    endpoint: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  }),
);
export type TargetResponse = z.output<typeof targetResponseSchema>;

export const targetPage = pageOf('TargetPage', targetResponseSchema);
export type TargetPage = z.output<typeof targetPage>;

export const targetCheckResponse = apiSchema(
  'TargetCheck',
  z.object({
    target: resourceRef,
    region: z.string(),
    cluster: z.string(),
    endpoint: z.string().nullable(),
    reachable: z.boolean(),
    active: z.boolean().meta({ description: 'The cluster answered with status ACTIVE' }),
    status: z.string().nullable(),
    detail: z.string(),
  }),
);
export type TargetCheckResponse = z.output<typeof targetCheckResponse>;

/** The API shape of a target: the secret never appears, only whether one is stored. */
export function targetResponse(target: TargetRecord): TargetResponse {
  return {
    id: target.id,
    slug: target.slug,
    name: target.name,
    environments: target.environments,
    tags: target.tags,
    tenants: target.tenants,
    tenantedMode: target.tenantedMode,
    region: target.region,
    cluster: target.cluster,
    credentials: {
      type: target.credentialsType,
      ...(target.accessKeyId !== null ? { accessKeyId: target.accessKeyId } : {}),
      ...(target.roleArn !== null ? { roleArn: target.roleArn } : {}),
      ...(target.externalId !== null ? { externalId: target.externalId } : {}),
      hasSecret: target.hasSecret,
    },
    endpoint: target.endpoint,
    createdAt: target.createdAt,
    updatedAt: target.updatedAt,
  };
}
