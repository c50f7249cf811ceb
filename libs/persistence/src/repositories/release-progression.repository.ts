import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TenantProgressionGroup } from '@gantry/domain';

/** What a release's progression knows of the untenanted scope and of tenants alike. */
export interface ProgressionGroups {
  /** Environments where the release succeeded untenanted. */
  untenantedSucceeded: string[];
  tenantGroups: TenantProgressionGroup[];
}

/** One tenant cell of a progression page: the tenant, the environment, and what decides its status. */
export interface TenantProgressionRow {
  tenantId: string;
  slug: string;
  name: string;
  environmentId: string;
  /** The environments the tenant is connected to for the project. */
  environmentIds: string[];
  /** The environments where the release succeeded for the tenant. */
  succeededEnvironmentIds: string[];
}

/** Which tenant cells a page lists: in these environments (in this order), optionally only these. */
export interface TenantCellFilter {
  environmentIds: string[];
  /** `<environment id>@<group key>` of the cells wanted; every cell when absent. */
  cells?: string[];
}

/**
 * Per tenant of the project: the environments it is connected to and those where the release
 * succeeded for it, with the key naming that pair (`TenantProgressionGroup.key`).
 */
const TENANT_STANDING = `
  reach AS (
    SELECT tenant_id, array_agg(environment_id::text ORDER BY environment_id) AS environment_ids
      FROM tenant_connections WHERE project_id = $1 GROUP BY tenant_id
  ),
  done AS (
    SELECT tenant_id, array_agg(DISTINCT environment_id::text ORDER BY environment_id::text) AS environment_ids
      FROM deployments WHERE release_id = $2 AND status = 'succeeded' AND tenant_id IS NOT NULL
     GROUP BY tenant_id
  ),
  standing AS MATERIALIZED (
    SELECT r.tenant_id, r.environment_ids, COALESCE(d.environment_ids, '{}') AS succeeded_environment_ids,
           array_to_string(r.environment_ids, ',') || '|' || array_to_string(COALESCE(d.environment_ids, '{}'), ',') AS key
      FROM reach r LEFT JOIN done d USING (tenant_id)
  )`;

/**
 * A release's progression read in SQL by groups and by pages, so that neither a release nor a
 * page of its progression reads every tenant of the project into memory.
 */
@Injectable()
export class ReleaseProgressionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async groups(projectId: string, releaseId: string): Promise<ProgressionGroups> {
    const [tenantGroups, untenanted] = await Promise.all([
      this.dataSource.query(
        `WITH ${TENANT_STANDING}
         SELECT key, environment_ids AS "environmentIds", succeeded_environment_ids AS "succeededEnvironmentIds",
                count(*)::int AS tenants
           FROM standing GROUP BY key, environment_ids, succeeded_environment_ids ORDER BY key`,
        [projectId, releaseId],
      ),
      this.dataSource.query(
        `SELECT DISTINCT environment_id AS "environmentId" FROM deployments
          WHERE release_id = $1 AND status = 'succeeded' AND tenant_id IS NULL`,
        [releaseId],
      ),
    ]);
    return {
      tenantGroups,
      untenantedSucceeded: untenanted.map((row: { environmentId: string }) => row.environmentId),
    };
  }

  /**
   * Tenant cells in progression order (tenants by name, then environments as given), one page:
   * the page is chosen first, and only its tenants' environments and successes are read. With
   * `cells`, every tenant's standing is read once (materialised) to choose the page by it.
   */
  tenantCells(
    projectId: string,
    releaseId: string,
    filter: TenantCellFilter,
    offset: number,
    limit: number,
  ): Promise<TenantProgressionRow[]> {
    if (limit <= 0 || filter.environmentIds.length === 0 || filter.cells?.length === 0)
      return Promise.resolve([]);
    const byStanding = filter.cells !== undefined;
    return this.dataSource.query(
      `WITH ${byStanding ? `${TENANT_STANDING},` : ''}
       page AS MATERIALIZED (
         SELECT c.tenant_id, c.environment_id, t.slug, t.name, e.position
           FROM tenant_connections c
           JOIN unnest($3::uuid[]) WITH ORDINALITY AS e(id, position) ON e.id = c.environment_id
           JOIN tenants t ON t.id = c.tenant_id
           ${byStanding ? `JOIN standing s ON s.tenant_id = c.tenant_id AND c.environment_id::text || '@' || s.key = ANY($6::text[])` : ''}
          WHERE c.project_id = $1
          ORDER BY t.name, t.id, e.position
         OFFSET $4 LIMIT $5
       ),
       page_reach AS (
         SELECT tenant_id, array_agg(environment_id::text ORDER BY environment_id) AS environment_ids
           FROM tenant_connections
          WHERE project_id = $1 AND tenant_id IN (SELECT tenant_id FROM page) GROUP BY tenant_id
       ),
       page_done AS (
         SELECT tenant_id, array_agg(DISTINCT environment_id::text ORDER BY environment_id::text) AS environment_ids
           FROM deployments
          WHERE release_id = $2 AND status = 'succeeded' AND tenant_id IN (SELECT tenant_id FROM page)
          GROUP BY tenant_id
       )
       SELECT p.tenant_id AS "tenantId", p.slug, p.name, p.environment_id AS "environmentId",
              r.environment_ids AS "environmentIds", COALESCE(d.environment_ids, '{}') AS "succeededEnvironmentIds"
         FROM page p JOIN page_reach r USING (tenant_id) LEFT JOIN page_done d USING (tenant_id)
        ORDER BY p.name, p.tenant_id, p.position`,
      [
        projectId,
        releaseId,
        filter.environmentIds,
        offset,
        limit,
        ...(byStanding ? [filter.cells] : []),
      ],
    );
  }
}
