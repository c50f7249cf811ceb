import type { TargetRecord } from '@gantry/persistence';

/** The API shape of a target: the secret never appears, only whether one is stored. */
export function targetResponse(target: TargetRecord) {
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

export type TargetResponse = ReturnType<typeof targetResponse>;
