import { DomainError } from '@gantry/domain';
import type { Actor } from '../access/actor';

interface Ref {
  id: string;
  slug: string;
}

/** What a deploy-type request touches: one project and the environments it deploys into. */
export interface DeployScope {
  project: Ref;
  environments: readonly Ref[];
}

/**
 * What the key may not touch: a non-admin key limited to some projects or environments (non-empty
 * lists) may act only inside them. Admin keys are never limited. Empty lists mean no limit.
 */
export function actorScopeGaps(
  actor: Pick<Actor, 'role' | 'projects' | 'environments'>,
  scope: DeployScope,
): { projects: Ref[]; environments: Ref[] } {
  if (actor.role === 'admin') return { projects: [], environments: [] };
  const outside = (allowed: readonly string[], refs: readonly Ref[]) =>
    allowed.length ? refs.filter((ref) => !allowed.includes(ref.id)) : [];
  return {
    projects: outside(actor.projects, [scope.project]),
    environments: outside(actor.environments, scope.environments),
  };
}

/** Throws `forbidden` naming the projects and environments outside the key's limits. */
export function assertActorScope(
  actor: Pick<Actor, 'name' | 'role' | 'projects' | 'environments'>,
  scope: DeployScope,
): void {
  const gaps = actorScopeGaps(actor, scope);
  const missing = [
    ...gaps.projects.map((ref) => ({
      path: 'project',
      message: `the key is not allowed on project '${ref.slug}'`,
    })),
    ...gaps.environments.map((ref) => ({
      path: 'environment',
      message: `the key is not allowed in environment '${ref.slug}'`,
    })),
  ];
  if (missing.length === 0) return;
  const what = [
    gaps.projects.length ? `project ${gaps.projects.map((r) => `'${r.slug}'`).join(', ')}` : '',
    gaps.environments.length
      ? `environment ${gaps.environments.map((r) => `'${r.slug}'`).join(', ')}`
      : '',
  ].filter(Boolean);
  throw new DomainError(
    'forbidden',
    `The key '${actor.name}' is not allowed to deploy to ${what.join(' or ')}.`,
    missing,
    {
      missingProjects: gaps.projects,
      missingEnvironments: gaps.environments,
    },
  );
}
