import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TenantedMode } from '../entities';
import type { ResourceRef } from './tenants.repository';

/** A tenant connected to a project, with the environments of that connection. */
export interface ProjectTenantRow extends ResourceRef {
  name: string;
  tags: string[];
  environmentIds: string[];
}

/** What target matching needs of a target. */
export interface TargetMatchRow extends ResourceRef {
  name: string;
  tags: string[];
  tenantedMode: TenantedMode;
  environmentIds: string[];
  tenantIds: string[];
}

/** Where deployments can go: the tenants and targets that scheduling chooses from. */
@Injectable()
export class DeploymentCandidatesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Tenants connected to the project, with their environments, in one query. */
  tenantsOfProject(
    projectId: string,
    manager = this.dataSource.manager,
  ): Promise<ProjectTenantRow[]> {
    return manager.query(
      `SELECT t.id, t.slug, t.name, t.tags, array_agg(c.environment_id::text ORDER BY c.environment_id) AS "environmentIds"
       FROM tenants t JOIN tenant_connections c ON c.tenant_id = t.id
       WHERE c.project_id = $1 GROUP BY t.id ORDER BY t.name`,
      [projectId],
    );
  }

  /** Tenants by id or slug, whatever they are connected to; unknown refs are simply absent. */
  tenantsByRefs(refs: string[]): Promise<Omit<ProjectTenantRow, 'environmentIds'>[]> {
    return this.dataSource.query(
      'SELECT id, slug, name, tags FROM tenants WHERE id::text = ANY($1::text[]) OR slug = ANY($1::text[])',
      [refs.map((ref) => ref.toLowerCase())],
    );
  }

  /** Targets in any of the environments, with their environments and tenants, in one query. */
  targetsIn(
    environmentIds: string[],
    manager = this.dataSource.manager,
  ): Promise<TargetMatchRow[]> {
    return manager.query(
      `SELECT t.id, t.slug, t.name, t.tags, t.tenanted_mode AS "tenantedMode",
              ARRAY(SELECT environment_id::text FROM target_environments WHERE target_id = t.id) AS "environmentIds",
              ARRAY(SELECT tenant_id::text FROM target_tenants WHERE target_id = t.id) AS "tenantIds"
       FROM targets t
       WHERE EXISTS (SELECT 1 FROM target_environments te WHERE te.target_id = t.id AND te.environment_id = ANY($1::uuid[]))
       ORDER BY t.name`,
      [environmentIds],
    );
  }
}
