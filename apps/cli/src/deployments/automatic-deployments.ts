import type { Deployment, Ref } from './deployment.types';

const isRef = (ref: Ref | null, given: string) =>
  ref !== null && (ref.slug === given || ref.id === given);

/**
 * The new release's automatic deployments (queued by its lifecycle) that already do what
 * `release create --deploy-to` asks, or null when a deployment request is still needed. Asking
 * again would only be refused, as the release is already queued there. Tenant tags are resolved
 * by the server, so with `--tenant-tag` the request is always sent.
 */
export function automaticDeploymentsCovering(
  automatic: readonly Deployment[],
  environment: string,
  tenants: readonly string[],
  tenantTags: readonly string[],
): Deployment[] | null {
  if (tenantTags.length) return null;
  const inEnvironment = automatic.filter((deployment) =>
    isRef(deployment.environment, environment),
  );
  if (!inEnvironment.length) return null;
  if (!tenants.length) return inEnvironment;
  const chosen = inEnvironment.filter((deployment) =>
    tenants.some((tenant) => isRef(deployment.tenant, tenant)),
  );
  return chosen.length === tenants.length ? chosen : null;
}
