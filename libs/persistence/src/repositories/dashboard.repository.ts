import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DeploymentStatus } from '@gantry/domain';

export interface DashboardCellRow {
  projectId: string;
  environmentId: string;
  releaseId: string;
  version: string;
  status: DeploymentStatus;
  finishedAt: Date | null;
  tenantsSucceeded: number;
  tenantsFailed: number;
  tenantsTotal: number;
}

/** What the dashboard shows: the latest deployment of every project in every environment. */
@Injectable()
export class DashboardRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The dashboard in one query: per (project, environment) the latest deployment, and for tenant
   * deployments the statuses of the latest deployment of each tenant.
   */
  cells(): Promise<DashboardCellRow[]> {
    return this.dataSource.query(
      `WITH latest AS (
         SELECT DISTINCT ON (project_id, environment_id, tenant_id) project_id, environment_id, tenant_id, release_id, status, finished_at, seq
         FROM deployments ORDER BY project_id, environment_id, tenant_id, seq DESC
       ), cells AS (
         SELECT DISTINCT ON (project_id, environment_id) project_id, environment_id, release_id, status, finished_at,
                count(*) FILTER (WHERE tenant_id IS NOT NULL AND status = 'succeeded') OVER w AS succeeded,
                count(*) FILTER (WHERE tenant_id IS NOT NULL AND status = 'failed') OVER w AS failed,
                count(*) FILTER (WHERE tenant_id IS NOT NULL) OVER w AS total
         FROM latest WINDOW w AS (PARTITION BY project_id, environment_id)
         ORDER BY project_id, environment_id, seq DESC
       )
       SELECT c.project_id AS "projectId", c.environment_id AS "environmentId", c.release_id AS "releaseId", r.version,
              c.status, c.finished_at AS "finishedAt", c.succeeded::int AS "tenantsSucceeded", c.failed::int AS "tenantsFailed",
              c.total::int AS "tenantsTotal"
       FROM cells c JOIN releases r ON r.id = c.release_id`,
    );
  }
}
