import { QueryFailedError } from 'typeorm';
import { DomainError } from '@gantry/domain';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  table?: string;
}

const USERS: Record<string, string> = {
  lifecycle_phase_environments: 'a lifecycle',
  target_environments: 'a target',
  target_tenants: 'a target',
  tenant_connections: 'a tenant',
  deployments: 'a deployment',
  projects: 'a project',
  channels: 'a channel',
  releases: 'a release',
  deployment_targets: 'a deployment',
};

/**
 * Maps PostgreSQL constraint violations to domain errors, so the database stays the final
 * judge of uniqueness and references even when two requests race.
 */
export function translateDatabaseError(error: unknown, kind: string): never {
  const pg = (error instanceof QueryFailedError ? error.driverError : error) as PgError;
  if (pg?.code === '23505') {
    const field = /\((?:[a-z_]+, )?([a-z_]+)\)=\((?:[^,]+, )?(.*)\)/.exec(pg.detail ?? '');
    const name = field?.[1] ?? 'slug';
    throw new DomainError(
      'duplicate',
      `A ${kind} with this ${name} already exists${field ? `: '${field[2]}'` : ''}.`,
      [{ path: name, message: 'already exists' }],
    );
  }
  if (pg?.code === '23503') {
    const user = USERS[pg.table ?? ''] ?? 'another resource';
    throw new DomainError('in_use', `This ${kind} is used by ${user}; remove that use first.`, [], {
      usedBy: pg.table,
    });
  }
  throw error;
}
