import { DomainError, selectDeploymentTenants } from '@gantry/domain';
import type {
  DeploymentCandidatesRepository,
  EnvironmentEntity,
  ProjectTenantRow,
} from '@gantry/persistence';
import { ProjectSchedulingContext, tenantCandidate } from './scheduling-context.loader';

/** null stands for an untenanted deployment. */
export type Scope = ProjectTenantRow | null;

/**
 * The tenants a request deploys to in an environment (see `selectDeploymentTenants`). Named tenants
 * that are not connected to the project are loaded too, so they are refused as not connected
 * rather than as unknown.
 */
export async function selectScopes(
  candidates: DeploymentCandidatesRepository,
  context: ProjectSchedulingContext,
  environment: EnvironmentEntity,
  input: { tenants?: string[]; tenantTags?: string[] },
): Promise<Scope[]> {
  const { project } = context;
  const requested = (input.tenants ?? []).map((ref) => ref.toLowerCase());
  const known = new Set(context.tenants.flatMap((tenant) => [tenant.id, tenant.slug]));
  const others = requested.filter((ref) => !known.has(ref));
  const extra = others.length ? await candidates.tenantsByRefs(others) : [];
  const selection = selectDeploymentTenants({
    tenancy: project.tenancy,
    projectId: project.id,
    environmentId: environment.id,
    tenants: [...context.tenants, ...extra].map((tenant) => tenantCandidate(tenant, project.id)),
    requested,
    tenantTags: input.tenantTags,
    projectName: project.name,
    environmentName: environment.name,
  });
  return selection.untenanted ? [null] : selection.tenants;
}

/** Promotion found no successful deployment in `from` for these tenants (or untenanted). */
export function nothingToPromote(missing: Scope[], from: EnvironmentEntity): DomainError {
  const who = (tenant: Scope) => (tenant ? `tenant '${tenant.name}'` : 'untenanted');
  return new DomainError(
    'invalid_state',
    `Nothing to promote from '${from.name}' for ${missing.map((tenant) => (tenant ? `'${tenant.name}'` : 'untenanted')).join(', ')}: no release has succeeded there yet.`,
    missing.map((tenant) => ({
      path: tenant ? 'tenants' : 'from',
      message: `${who(tenant)} has no successful deployment in '${from.name}'`,
    })),
    {
      tenantsWithoutRelease: missing.map((tenant) =>
        tenant ? { id: tenant.id, slug: tenant.slug } : null,
      ),
    },
  );
}
