import { createContext, useContext } from 'react';
import type { GantryClient, Schema } from './api';

export type CurrentKey = Schema<'CurrentKey'>;

/** What the signed-in key may do, as the API's guards decide it (apps/api/src/access). */
export interface Permissions {
  admin: boolean;
  /** May deploy (create releases, deploy, promote, cancel) this project into these environments. */
  deploy(projectId: string, environmentIds?: string[]): boolean;
  /** May deploy anything at all (a deployer or admin key, whatever its limits). */
  deploysAnywhere: boolean;
}

export function permissionsOf(key: CurrentKey): Permissions {
  const admin = key.role === 'admin';
  const deployer = admin || key.role === 'deployer';
  return {
    admin,
    deploysAnywhere: deployer,
    deploy(projectId, environmentIds = []) {
      if (admin) return true;
      if (!deployer) return false;
      if (key.projects.length && !key.projects.includes(projectId)) return false;
      return (
        key.environments.length === 0 || environmentIds.every((id) => key.environments.includes(id))
      );
    },
  };
}

export interface Session {
  apiKey: string;
  key: CurrentKey;
  client: GantryClient;
  can: Permissions;
  signOut(): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in console');
  return session;
}
