import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { TenantConnectionEntity, TenantEntity } from '../entities';
import { getByRef, getManyByRef } from './find-by-ref';

/** The id and slug of a referenced resource, as responses show it. */
export interface ResourceRef {
  id: string;
  slug: string;
}

/** The environments of one project a tenant is connected to. */
export interface TenantConnectionInput {
  projectId: string;
  environmentIds: string[];
}

export interface TenantConnectionRecord {
  project: ResourceRef;
  environments: ResourceRef[];
}

export interface TenantRecord extends TenantEntity {
  projects: TenantConnectionRecord[];
}

/** A tenant with the environments it is connected to, per project (a domain `TenantCandidate`). */
export interface TenantWithConnections extends TenantEntity {
  connections: TenantConnectionInput[];
}

export type TenantValues = Pick<TenantEntity, 'slug' | 'name' | 'tags'>;

export interface TenantFilter {
  /** Tenant tags (`group/value`): tags of one group match any, different groups must all match. */
  tags?: string[];
  /** Only tenants connected to this project. */
  projectId?: string;
}

interface ConnectionRow {
  tenantId: string;
  projectId: string;
  projectSlug: string;
  environmentId: string;
  environmentSlug: string;
}

@Injectable()
export class TenantsRepository {
  constructor(
    @InjectRepository(TenantEntity) private readonly tenants: Repository<TenantEntity>,
    private readonly dataSource: DataSource,
  ) {}

  get(ref: string): Promise<TenantEntity> {
    // PostgreSQL cannot compare text holding U+0000; such a ref names nothing.
    return getByRef(this.tenants, 'tenant', ref);
  }

  getMany(refs: string[], path: string | readonly string[]): Promise<TenantEntity[]> {
    return getManyByRef(this.tenants, 'tenant', refs, path);
  }

  /** The tenant with its project connections. */
  async view(ref: string): Promise<TenantRecord> {
    const tenant = await this.get(ref);
    const connections = await this.connectionsOf([tenant.id]);
    return { ...tenant, projects: connections.get(tenant.id) ?? [] };
  }

  /** A page of tenants by name, with their connections only when asked. */
  async list(
    filter: TenantFilter,
    limit: number,
    offset: number,
    withConnections = true,
  ): Promise<[TenantEntity[] | TenantRecord[], number]> {
    const query = this.tenants
      .createQueryBuilder('tenant')
      .orderBy('tenant.name', 'ASC')
      .take(limit)
      .skip(offset);
    tagGroups(filter.tags ?? []).forEach((group, index) =>
      query.andWhere(`tenant.tags && :group${index}`, { [`group${index}`]: group }),
    );
    if (filter.projectId) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM tenant_connections c WHERE c.tenant_id = tenant.id AND c.project_id = :projectId)',
        { projectId: filter.projectId },
      );
    }
    const [tenants, total] = await query.getManyAndCount();
    if (!withConnections) return [tenants, total];
    const connections = await this.connectionsOf(tenants.map((tenant) => tenant.id));
    return [
      tenants.map((tenant) => ({ ...tenant, projects: connections.get(tenant.id) ?? [] })),
      total,
    ];
  }

  /** Tenants (every one, or those with these ids) with their connections by id: tenant selection's input. */
  async withConnections(ids?: string[]): Promise<TenantWithConnections[]> {
    const tenants = await this.tenants.find({
      where: ids ? { id: In(ids) } : {},
      order: { name: 'ASC' },
    });
    const rows: Array<{ tenantId: string; projectId: string; environmentIds: string[] }> =
      tenants.length
        ? await this.dataSource.query(
            `SELECT tenant_id AS "tenantId", project_id AS "projectId", array_agg(environment_id::text) AS "environmentIds"
           FROM tenant_connections WHERE tenant_id = ANY($1::uuid[]) GROUP BY tenant_id, project_id`,
            [tenants.map((tenant) => tenant.id)],
          )
        : [];
    return tenants.map((tenant) => ({
      ...tenant,
      connections: rows
        .filter((row) => row.tenantId === tenant.id)
        .map(({ projectId, environmentIds }) => ({ projectId, environmentIds })),
    }));
  }

  /** Every (tenant, environment) pair connected to a project. */
  async connectionsOfProject(
    projectId: string,
  ): Promise<Array<{ tenantId: string; environmentId: string }>> {
    return this.dataSource.query(
      `SELECT tenant_id AS "tenantId", environment_id AS "environmentId" FROM tenant_connections WHERE project_id = $1`,
      [projectId],
    );
  }

  /** Connections of many tenants in one query, projects by slug and environments in promotion order. */
  async connectionsOf(tenantIds: string[]): Promise<Map<string, TenantConnectionRecord[]>> {
    const byTenant = new Map<string, TenantConnectionRecord[]>();
    if (tenantIds.length === 0) return byTenant;
    const rows: ConnectionRow[] = await this.dataSource.query(
      `SELECT c.tenant_id AS "tenantId", p.id AS "projectId", p.slug AS "projectSlug", e.id AS "environmentId", e.slug AS "environmentSlug"
       FROM tenant_connections c JOIN projects p ON p.id = c.project_id JOIN environments e ON e.id = c.environment_id
       WHERE c.tenant_id = ANY($1::uuid[]) ORDER BY p.slug, e.position`,
      [tenantIds],
    );
    for (const row of rows) {
      const views = byTenant.get(row.tenantId) ?? byTenant.set(row.tenantId, []).get(row.tenantId)!;
      let view = views.find((candidate) => candidate.project.id === row.projectId);
      if (!view)
        views.push(
          (view = { project: { id: row.projectId, slug: row.projectSlug }, environments: [] }),
        );
      view.environments.push({ id: row.environmentId, slug: row.environmentSlug });
    }
    return byTenant;
  }

  /** Creates the tenant and its connections in one transaction. */
  async create(values: TenantValues, connections: TenantConnectionInput[]): Promise<TenantRecord> {
    const id = await this.dataSource.transaction(async (manager) => {
      const tenant = await manager.save(TenantEntity, manager.create(TenantEntity, values));
      await insertConnections(manager, tenant.id, connections);
      return tenant.id;
    });
    return this.view(id);
  }

  /** Updates the given fields; `connections`, when given, replaces the whole set. */
  async update(
    id: string,
    values: Partial<TenantValues>,
    connections?: TenantConnectionInput[],
  ): Promise<TenantRecord> {
    await this.dataSource.transaction(async (manager) => {
      // Updating the row first locks it, so two concurrent replacements of the set serialise.
      await manager.update(TenantEntity, { id }, { ...values, updatedAt: new Date() });
      if (!connections) return;
      await manager.delete(TenantConnectionEntity, { tenantId: id });
      await insertConnections(manager, id, connections);
    });
    return this.view(id);
  }

  async delete(id: string): Promise<void> {
    await this.tenants.delete({ id });
  }
}

/** One set-based INSERT for every (project, environment) pair; a pair named twice is kept once. */
async function insertConnections(
  manager: EntityManager,
  tenantId: string,
  connections: TenantConnectionInput[],
): Promise<void> {
  const pairs = connections.flatMap((connection) =>
    connection.environmentIds.map((environmentId) => [connection.projectId, environmentId]),
  );
  if (pairs.length === 0) return;
  await manager.query(
    `INSERT INTO tenant_connections (tenant_id, project_id, environment_id)
     SELECT $1, pair.project_id, pair.environment_id FROM unnest($2::uuid[], $3::uuid[]) AS pair(project_id, environment_id)
     ON CONFLICT DO NOTHING`,
    [tenantId, pairs.map((pair) => pair[0]), pairs.map((pair) => pair[1])],
  );
}

/** Groups `group/value` tags by group: a tenant must carry one tag of every group. */
export function tagGroups(tags: string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const tag of new Set(tags)) {
    const group = tag.includes('/') ? tag.slice(0, tag.indexOf('/')) : tag;
    groups.set(group, [...(groups.get(group) ?? []), tag]);
  }
  return [...groups.values()];
}
