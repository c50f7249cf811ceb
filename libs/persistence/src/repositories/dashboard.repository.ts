import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DeploymentStatus } from '@gantry/domain';
import { tagGroups } from './tenants.repository';

/** A release as a dashboard cell shows it. */
export interface CellRelease {
  id: string;
  version: string;
}

/** Per tenant deployed in a cell, how its latest deployment stands. */
export interface CellTenantCounts {
  connected: number;
  live: number;
  queued: number;
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
  cancelled: number;
}

export interface DashboardCellRow {
  projectId: string;
  environmentId: string;
  /** The latest deployment (attempt) in the cell. */
  deploymentId: string;
  release: CellRelease;
  status: DeploymentStatus;
  createdAt: Date;
  finishedAt: Date | null;
  /** The deployment that succeeded last in the cell: what runs there. */
  live: { deploymentId: string; release: CellRelease; finishedAt: Date | null } | null;
  tenants: CellTenantCounts;
}

/** Where one stack stands: what runs there and the latest attempt. */
export interface StackStateRow {
  environmentId: string;
  tenantId: string | null;
  live: { deploymentId: string; release: CellRelease; finishedAt: Date | null } | null;
  latest: { deploymentId: string; release: CellRelease; status: DeploymentStatus } | null;
}

/** How a dashboard cell stands, in a few columns: what the live dashboard compares change to change. */
export interface CellStateRow {
  projectId: string;
  environmentId: string;
  latestDeploymentId: string | null;
  status: DeploymentStatus | null;
  liveDeploymentId: string | null;
  /** The tenant counts, joined: any change of one changes it. */
  tenants: string;
}

export interface DashboardFilter {
  projectIds: string[];
  environmentId?: string;
  /** Tenant tags (`group/value`): counts and releases of the tenants carrying them only. */
  tenantTags?: string[];
}

/**
 * What the dashboard shows, read from `dashboard_cells` (maintained by triggers on deployments and
 * tenant connections): a row per (project, environment) holding its latest and live deployment's
 * release, status and times, whatever the length of the history; no join into `deployments`.
 * A tenant-tag filter aggregates `stack_deployments`, a row per tenant stack, instead.
 */
@Injectable()
export class DashboardRepository {
  constructor(private readonly dataSource: DataSource) {}

  cells(filter: DashboardFilter): Promise<DashboardCellRow[]> {
    if (filter.projectIds.length === 0) return Promise.resolve([]);
    const values: unknown[] = [filter.projectIds, filter.environmentId ?? null];
    if (filter.tenantTags?.length) {
      const cells = taggedCellsSql(tagGroups(filter.tenantTags), values);
      return this.dataSource.query(cellsOfTaggedTenantsSql(cells), values);
    }
    return this.dataSource.query(
      `SELECT project_id AS "projectId", environment_id AS "environmentId", latest_deployment_id AS "deploymentId",
              json_build_object('id', latest_release_id, 'version', latest_release_version) AS release,
              latest_status AS status, latest_created_at AS "createdAt", latest_finished_at AS "finishedAt",
              CASE WHEN live_deployment_id IS NULL THEN NULL ELSE json_build_object(
                'deploymentId', live_deployment_id, 'release', json_build_object('id', live_release_id, 'version', live_release_version),
                'finishedAt', live_finished_at) END AS live,
              ${TENANT_COUNTS} AS tenants
         FROM dashboard_cells
        WHERE project_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR environment_id = $2)
          AND latest_deployment_id IS NOT NULL`,
      values,
    );
  }

  /** The cells holding these deployments, as the live dashboard compares them. */
  cellStatesOf(deploymentIds: readonly string[]): Promise<CellStateRow[]> {
    if (deploymentIds.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT c.project_id AS "projectId", c.environment_id AS "environmentId",
              c.latest_deployment_id AS "latestDeploymentId", c.latest_status AS status,
              c.live_deployment_id AS "liveDeploymentId",
              concat_ws('/', c.tenants_connected, c.tenants_live, c.tenants_queued, c.tenants_running,
                        c.tenants_waiting, c.tenants_succeeded, c.tenants_failed, c.tenants_cancelled) AS tenants
         FROM dashboard_cells c
        WHERE (c.project_id, c.environment_id) IN (
                SELECT DISTINCT project_id, environment_id FROM deployments WHERE id = ANY($1::uuid[]))`,
      [deploymentIds],
    );
  }

  /** The stacks of a project in these environments, untenanted and of these tenants. */
  stackStates(
    projectId: string,
    environmentIds: string[],
    tenantIds: string[],
  ): Promise<StackStateRow[]> {
    if (environmentIds.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT s.environment_id AS "environmentId", s.tenant_id AS "tenantId",
              CASE WHEN v.id IS NULL THEN NULL ELSE json_build_object('deploymentId', v.id,
                'release', json_build_object('id', vr.id, 'version', vr.version), 'finishedAt', v.finished_at) END AS live,
              CASE WHEN l.id IS NULL THEN NULL ELSE json_build_object('deploymentId', l.id,
                'release', json_build_object('id', lr.id, 'version', lr.version), 'status', l.status) END AS latest
         FROM stack_deployments s
         LEFT JOIN deployments l ON l.id = s.latest_deployment_id LEFT JOIN releases lr ON lr.id = l.release_id
         LEFT JOIN deployments v ON v.id = s.live_deployment_id LEFT JOIN releases vr ON vr.id = v.release_id
        WHERE s.project_id = $1 AND s.environment_id = ANY($2::uuid[])
          AND (s.tenant_id IS NULL OR s.tenant_id = ANY($3::uuid[]))`,
      [projectId, environmentIds, tenantIds],
    );
  }
}

const TENANT_COUNTS = `json_build_object('connected', tenants_connected, 'live', tenants_live, 'queued', tenants_queued,
  'running', tenants_running, 'waiting', tenants_waiting, 'succeeded', tenants_succeeded, 'failed', tenants_failed,
  'cancelled', tenants_cancelled)`;

/** The dashboard rows of cells aggregated from tagged tenants' stacks: their latest and live deployments joined. */
function cellsOfTaggedTenantsSql(cells: string): string {
  return `WITH cells AS (${cells})
    SELECT c.project_id AS "projectId", c.environment_id AS "environmentId", l.id AS "deploymentId",
           json_build_object('id', lr.id, 'version', lr.version) AS release, l.status,
           l.created_at AS "createdAt", l.finished_at AS "finishedAt",
           CASE WHEN v.id IS NULL THEN NULL ELSE json_build_object(
             'deploymentId', v.id, 'release', json_build_object('id', vr.id, 'version', vr.version),
             'finishedAt', v.finished_at) END AS live,
           ${TENANT_COUNTS} AS tenants
      FROM cells c
      JOIN deployments l ON l.id = c.latest_deployment_id
      JOIN releases lr ON lr.id = l.release_id
      LEFT JOIN deployments v ON v.id = c.live_deployment_id
      LEFT JOIN releases vr ON vr.id = v.release_id`;
}

/**
 * Cells of the tenants carrying the tags, aggregated from their stacks; pushes the tag groups onto
 * `values`. The tagged tenants are selected first (GIN index on tags) and their stacks read through
 * the tenant index, rather than every stack of the page's projects hashed against them; a stack
 * keeps when its live deployment finished, so no stack looks up its live deployment.
 */
function taggedCellsSql(groups: string[][], values: unknown[]): string {
  const conditions = groups.map((group) => {
    values.push(group);
    return `tags && $${values.length}::text[]`;
  });
  return `
    WITH tagged AS (SELECT id FROM tenants WHERE ${conditions.join(' AND ')}),
    stacks AS (
      SELECT s.* FROM stack_deployments s
       WHERE s.tenant_id = ANY(ARRAY(SELECT id FROM tagged))
         AND s.project_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR s.environment_id = $2)
    ),
    connected AS (
      SELECT c.project_id, c.environment_id, count(*)::int AS n
        FROM tenant_connections c JOIN tagged t ON t.id = c.tenant_id
       WHERE c.project_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR c.environment_id = $2)
       GROUP BY c.project_id, c.environment_id
    )
    SELECT s.project_id, s.environment_id,
           (array_agg(s.latest_deployment_id ORDER BY s.latest_seq DESC))[1] AS latest_deployment_id,
           (array_agg(s.live_deployment_id ORDER BY s.live_finished_at DESC NULLS LAST, s.live_seq DESC)
              FILTER (WHERE s.live_deployment_id IS NOT NULL))[1] AS live_deployment_id,
           COALESCE(max(connected.n), 0) AS tenants_connected,
           count(s.live_deployment_id)::int AS tenants_live,
           count(*) FILTER (WHERE s.latest_status = 'queued')::int AS tenants_queued,
           count(*) FILTER (WHERE s.latest_status = 'running')::int AS tenants_running,
           count(*) FILTER (WHERE s.latest_status = 'waiting')::int AS tenants_waiting,
           count(*) FILTER (WHERE s.latest_status = 'succeeded')::int AS tenants_succeeded,
           count(*) FILTER (WHERE s.latest_status = 'failed')::int AS tenants_failed,
           count(*) FILTER (WHERE s.latest_status = 'cancelled')::int AS tenants_cancelled
      FROM stacks s LEFT JOIN connected USING (project_id, environment_id)
     GROUP BY s.project_id, s.environment_id`;
}
