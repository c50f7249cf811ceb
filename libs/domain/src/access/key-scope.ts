/** What an API key may deploy: its role, and the projects and environments it is limited to. */
export interface KeyScope {
  role: 'admin' | 'deployer' | 'viewer';
  /** Environment ids; empty = every environment. */
  environments: readonly string[];
  /** Project ids; empty = every project. */
  projects: readonly string[];
}

/**
 * True when the key may deploy the project into the environment: admins anywhere, deployers
 * inside their limits (an empty list is no limit), viewers nowhere.
 */
export function keyMayDeploy(key: KeyScope, projectId: string, environmentId: string): boolean {
  if (key.role === 'admin') return true;
  if (key.role !== 'deployer') return false;
  const within = (allowed: readonly string[], id: string) =>
    allowed.length === 0 || allowed.includes(id);
  return within(key.projects, projectId) && within(key.environments, environmentId);
}
