import { invalid, notFound, type FieldError } from '../errors/domain-error';
import type { Tenancy, TenantReach } from '../lifecycle/lifecycle.types';
import { tenantMatchesTags, tenantTagProblems } from './tenant-tags';

/** A tenant with its connections: per project, the environments it gets a copy in. */
export interface TenantCandidate {
  id: string;
  slug: string;
  name?: string;
  tags: readonly string[];
  connections: readonly { projectId: string; environmentIds: readonly string[] }[];
}

export interface TenantSelectionRequest<T extends TenantCandidate> {
  tenancy: Tenancy;
  projectId: string;
  environmentId: string;
  /** Every tenant a request may name (unknown references are a not_found error). */
  tenants: readonly T[];
  /** The request's `tenants`: ids or slugs. */
  requested?: readonly string[];
  /** The request's `tenantTags`, `group/value`. */
  tenantTags?: readonly string[];
  projectName?: string;
  environmentName?: string;
}

/** What to deploy: an untenanted deployment, or one deployment per tenant (never both). */
export interface TenantSelection<T extends TenantCandidate> {
  untenanted: boolean;
  tenants: T[];
}

/** The environments a tenant is connected to for one project. */
export function connectedEnvironments(tenant: TenantCandidate, projectId: string): string[] {
  const ids = tenant.connections
    .filter((c) => c.projectId === projectId)
    .flatMap((c) => c.environmentIds);
  return [...new Set(ids)];
}

/** Tenants connected to a project, in the shape the lifecycle rules take. */
export function tenantReaches(
  tenants: readonly TenantCandidate[],
  projectId: string,
): TenantReach[] {
  return tenants
    .map((tenant) => ({
      id: tenant.id,
      name: tenant.name ?? tenant.slug,
      environmentIds: connectedEnvironments(tenant, projectId),
    }))
    .filter((reach) => reach.environmentIds.length > 0);
}

/**
 * The tenants a deployment request targets. Untenanted project: one untenanted deployment, and naming
 * tenants is invalid. Otherwise the union of the named tenants and the tenants matching the tags,
 * only among tenants connected to the project in that environment, in the order of `tenants`; a
 * named tenant that is not connected is invalid. Nothing requested: a mixed project deploys
 * untenanted, a tenanted project deploys to every connected tenant.
 */
export function selectDeploymentTenants<T extends TenantCandidate>(
  request: TenantSelectionRequest<T>,
): TenantSelection<T> {
  const requested = request.requested ?? [];
  const tags = request.tenantTags ?? [];
  const where = `project '${request.projectName ?? request.projectId}' in environment '${request.environmentName ?? request.environmentId}'`;
  if (request.tenancy === 'untenanted') {
    const problems: FieldError[] = [];
    if (requested.length)
      problems.push({
        path: 'tenants',
        message: `project '${request.projectName ?? request.projectId}' is untenanted: deploy without tenants`,
      });
    if (tags.length)
      problems.push({
        path: 'tenantTags',
        message: `project '${request.projectName ?? request.projectId}' is untenanted: deploy without tenant tags`,
      });
    if (problems.length) throw invalid(problems);
    return { untenanted: true, tenants: [] };
  }
  const tagProblems = tenantTagProblems(tags, 'tenantTags');
  if (tagProblems.length) throw invalid(tagProblems);
  const connected = (tenant: T) =>
    connectedEnvironments(tenant, request.projectId).includes(request.environmentId);
  const named = requested.map(
    (ref) =>
      request.tenants.find((tenant) => tenant.id === ref || tenant.slug === ref) ??
      throwNotFound(ref),
  );
  const unconnected = named.flatMap((tenant, index) =>
    connected(tenant)
      ? []
      : [
          {
            path: `tenants.${index}`,
            message: `tenant '${tenant.name ?? tenant.slug}' is not connected to ${where}`,
          },
        ],
  );
  if (unconnected.length) throw invalid(unconnected);
  if (!requested.length && !tags.length) {
    if (request.tenancy === 'mixed') return { untenanted: true, tenants: [] };
    const all = request.tenants.filter(connected);
    if (!all.length)
      throw invalid([{ path: 'tenants', message: `no tenant is connected to ${where}` }]);
    return { untenanted: false, tenants: all };
  }
  const chosen = request.tenants.filter(
    (tenant) =>
      named.includes(tenant) ||
      (tags.length > 0 && connected(tenant) && tenantMatchesTags(tenant.tags, tags)),
  );
  if (!chosen.length)
    throw invalid([
      {
        path: 'tenantTags',
        message: `no tenant connected to ${where} has the tags ${tags.join(', ')}`,
      },
    ]);
  return { untenanted: false, tenants: chosen };
}

function throwNotFound(ref: string): never {
  throw notFound('tenant', ref);
}
