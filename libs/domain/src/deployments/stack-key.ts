/** Deployments sharing a stack key deploy the same CloudFormation stack, one at a time. */
export function stackKey(
  projectId: string,
  environmentId: string,
  tenantId: string | null,
): string {
  return `${projectId}:${environmentId}:${tenantId ?? 'untenanted'}`;
}
