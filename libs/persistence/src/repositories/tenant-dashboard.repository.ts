import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DeploymentStatus } from '@gantry/domain';
import type { CellRelease } from './dashboard.repository';
import { tagGroups } from './tenants.repository';

/** Which of a project's tenants a tenant dashboard page shows. */
export interface TenantDashboardFilter {
  projectId: string;
  /** Tenant tags (`group/value`): one tag of each group must match. */
  tags: string[];
  /** Part of the tenant's name or slug, any case. */
  search?: string;
  /** Tenants whose name sorts after this one (the last name of the previous page). */
  afterName?: string;
}

export interface TenantDashboardTenant {
  id: string;
  slug: string;
  name: string;
  tags: string[];
}

/** One tenant's stack in one environment: what runs there and the latest attempt. */
export interface TenantDashboardCell {
  environmentId: string;
  /** Whether the tenant is connected to the project in this environment (it may have a stack from before). */
  connected: boolean;
  live: { deploymentId: string; release: CellRelease; finishedAt: Date | null } | null;
  latest: {
    deploymentId: string;
    release: CellRelease;
    status: DeploymentStatus;
    finishedAt: Date | null;
  } | null;
}

export interface TenantDashboardRow {
  tenant: TenantDashboardTenant;
  /** In no particular order; one per environment the tenant is connected to or has a stack in. */
  cells: TenantDashboardCell[];
}

interface FlatRow {
  id: string;
  slug: string;
  name: string;
  tags: string[];
  environmentId: string | null;
  connected: boolean;
  liveId: string | null;
  liveReleaseId: string | null;
  liveVersion: string | null;
  liveFinishedAt: Date | null;
  latestId: string | null;
  latestReleaseId: string | null;
  latestVersion: string | null;
  latestStatus: DeploymentStatus | null;
  latestFinishedAt: Date | null;
}

/**
 * The tenants × environments view of one project: a keyset page of its tenants (by name) with,
 * per environment, the stack's live and latest deployment from `stack_deployments` (kept by the
 * same triggers as `dashboard_cells`), so a page costs the same whatever the history's length.
 */
@Injectable()
export class TenantDashboardRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Up to `limit` tenants after `afterName`, by name, each with its cells. */
  async page(filter: TenantDashboardFilter, limit: number): Promise<TenantDashboardRow[]> {
    const values: unknown[] = [filter.projectId, filter.afterName ?? null, limit];
    const where = tenantConditions(filter, values);
    const rows: FlatRow[] = await this.dataSource.query(
      `WITH page AS (
         SELECT t.id, t.slug, t.name, t.tags FROM tenants t
          WHERE ${where} AND ($2::text IS NULL OR t.name > $2)
          ORDER BY t.name LIMIT $3
       ),
       stacks AS (
         SELECT COALESCE(c.tenant_id, s.tenant_id) AS tenant_id,
                COALESCE(c.environment_id, s.environment_id) AS environment_id,
                c.tenant_id IS NOT NULL AS connected, s.latest_deployment_id, s.live_deployment_id
           FROM (SELECT c.tenant_id, c.environment_id FROM tenant_connections c JOIN page ON page.id = c.tenant_id
                  WHERE c.project_id = $1) c
           FULL JOIN (SELECT s.tenant_id, s.environment_id, s.latest_deployment_id, s.live_deployment_id
                        FROM stack_deployments s JOIN page ON page.id = s.tenant_id WHERE s.project_id = $1) s
             ON s.tenant_id = c.tenant_id AND s.environment_id = c.environment_id
       )
       SELECT page.id, page.slug, page.name, page.tags, st.environment_id AS "environmentId",
              COALESCE(st.connected, false) AS connected,
              v.id AS "liveId", vr.id AS "liveReleaseId", vr.version AS "liveVersion", v.finished_at AS "liveFinishedAt",
              l.id AS "latestId", lr.id AS "latestReleaseId", lr.version AS "latestVersion",
              l.status AS "latestStatus", l.finished_at AS "latestFinishedAt"
         FROM page
         LEFT JOIN stacks st ON st.tenant_id = page.id
         LEFT JOIN deployments l ON l.id = st.latest_deployment_id LEFT JOIN releases lr ON lr.id = l.release_id
         LEFT JOIN deployments v ON v.id = st.live_deployment_id LEFT JOIN releases vr ON vr.id = v.release_id
        ORDER BY page.name`,
      values,
    );
    return groupByTenant(rows);
  }

  /** How many of the project's tenants the filter matches (`afterName` aside). */
  async count(filter: TenantDashboardFilter): Promise<number> {
    const values: unknown[] = [filter.projectId];
    const where = tenantConditions(filter, values);
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM tenants t WHERE ${where}`,
      values,
    );
    return total;
  }

  /** Every tag the project's tenants carry, sorted: what a tag filter can pick from. */
  async tags(projectId: string): Promise<string[]> {
    const rows: Array<{ tag: string }> = await this.dataSource.query(
      `SELECT DISTINCT unnest(t.tags) AS tag FROM tenants t
        WHERE EXISTS (SELECT 1 FROM tenant_connections c WHERE c.tenant_id = t.id AND c.project_id = $1)
        ORDER BY 1`,
      [projectId],
    );
    return rows.map((row) => row.tag);
  }

  /**
   * The environments where the project has tenants, connected or deployed (from the project's
   * `dashboard_cells`, a row per environment), by id.
   */
  async environmentIds(projectId: string): Promise<string[]> {
    const rows: Array<{ environmentId: string }> = await this.dataSource.query(
      `SELECT environment_id AS "environmentId" FROM dashboard_cells
        WHERE project_id = $1
          AND tenants_connected + tenants_queued + tenants_running + tenants_waiting + tenants_succeeded
              + tenants_failed + tenants_cancelled > 0`,
      [projectId],
    );
    return rows.map((row) => row.environmentId);
  }
}

/**
 * The SQL condition on `tenants t` for the filter (its project, tags and search, not the page
 * position): `values` starts with the project id ($1); the other parameters are pushed onto it.
 */
function tenantConditions(filter: TenantDashboardFilter, values: unknown[]): string {
  const conditions = [
    `EXISTS (SELECT 1 FROM tenant_connections c WHERE c.tenant_id = t.id AND c.project_id = $1)`,
  ];
  for (const group of tagGroups(filter.tags)) {
    values.push(group);
    conditions.push(`t.tags && $${values.length}::text[]`);
  }
  if (filter.search) {
    values.push(`%${escapeLike(filter.search)}%`);
    conditions.push(`(t.name ILIKE $${values.length} OR t.slug ILIKE $${values.length})`);
  }
  return conditions.join(' AND ');
}

/** Text matched literally by LIKE: its wildcards and the escape character escaped. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function groupByTenant(rows: FlatRow[]): TenantDashboardRow[] {
  const byTenant = new Map<string, TenantDashboardRow>();
  for (const row of rows) {
    let entry = byTenant.get(row.id);
    if (!entry) {
      entry = { tenant: { id: row.id, slug: row.slug, name: row.name, tags: row.tags }, cells: [] };
      byTenant.set(row.id, entry);
    }
    if (row.environmentId) entry.cells.push(cellOf(row, row.environmentId));
  }
  return [...byTenant.values()];
}

function cellOf(row: FlatRow, environmentId: string): TenantDashboardCell {
  return {
    environmentId,
    connected: row.connected,
    live: row.liveId
      ? {
          deploymentId: row.liveId,
          release: { id: row.liveReleaseId!, version: row.liveVersion! },
          finishedAt: row.liveFinishedAt,
        }
      : null,
    latest: row.latestId
      ? {
          deploymentId: row.latestId,
          release: { id: row.latestReleaseId!, version: row.latestVersion! },
          status: row.latestStatus!,
          finishedAt: row.latestFinishedAt,
        }
      : null,
  };
}
