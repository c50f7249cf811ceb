import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FINAL_DEPLOYMENT_STATUSES, type ReleaseProtection } from '@gantry/domain';

/** A release whose lifecycle has a retention limit, with what retention needs to know of it. */
export interface RetentionReleaseRow {
  id: string;
  version: string;
  createdAt: Date;
  project: { id: string; slug: string };
  /** The lifecycle it follows: its channel's, else its project's. */
  lifecycleId: string;
  /** Environments it has deployments in. */
  environmentIds: string[];
  protections: ReleaseProtection[];
}

export interface RetentionPhaseRow {
  lifecycleId: string;
  position: number;
  keepReleases: number | null;
  environmentIds: string[];
}

/** A task definition family (one per stack) of a project with a limit, on one target. */
export interface RetentionFamilyRow {
  project: { id: string; slug: string };
  keepTaskDefinitions: number;
  targetId: string;
  family: string;
}

export interface DeletedCounts {
  releases: number;
  deployments: number;
  logLines: number;
}

/** SQL `IN (…)` list of the final statuses: anything else is still under way. */
const FINAL = FINAL_DEPLOYMENT_STATUSES.map((status) => `'${status}'`).join(', ');

/** What retention reads and deletes. */
@Injectable()
export class RetentionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The phases of every lifecycle that limits releases somewhere, in order. */
  phases(): Promise<RetentionPhaseRow[]> {
    return this.dataSource.query(
      `SELECT ph.lifecycle_id AS "lifecycleId", ph.position, ph.keep_releases AS "keepReleases",
              COALESCE(array_agg(pe.environment_id) FILTER (WHERE pe.environment_id IS NOT NULL), '{}') AS "environmentIds"
         FROM lifecycle_phases ph
         LEFT JOIN lifecycle_phase_environments pe ON pe.phase_id = ph.id
        WHERE ph.lifecycle_id IN (SELECT lifecycle_id FROM lifecycle_phases WHERE keep_releases IS NOT NULL)
        GROUP BY ph.id ORDER BY ph.lifecycle_id, ph.position`,
    );
  }

  /**
   * Every release following a lifecycle that limits releases, with the environments it reached
   * and what protects it: live (some stack's last success) or latest anywhere, or unfinished.
   */
  async releases(): Promise<RetentionReleaseRow[]> {
    const rows: (Omit<RetentionReleaseRow, 'project' | 'protections'> & {
      projectId: string;
      projectSlug: string;
      live: boolean;
      latest: boolean;
      unfinished: boolean;
    })[] = await this.dataSource.query(
      `WITH limited AS (SELECT DISTINCT lifecycle_id FROM lifecycle_phases WHERE keep_releases IS NOT NULL),
            live AS (SELECT DISTINCT d.release_id FROM stack_deployments s JOIN deployments d ON d.id = s.live_deployment_id),
            latest AS (SELECT DISTINCT d.release_id FROM stack_deployments s JOIN deployments d ON d.id = s.latest_deployment_id)
       SELECT r.id, r.version, r.created_at AS "createdAt", p.id AS "projectId", p.slug AS "projectSlug",
              COALESCE(c.lifecycle_id, p.lifecycle_id) AS "lifecycleId",
              COALESCE(array_agg(DISTINCT d.environment_id) FILTER (WHERE d.id IS NOT NULL), '{}') AS "environmentIds",
              COALESCE(bool_or(d.status NOT IN (${FINAL})), false) AS unfinished,
              r.id IN (SELECT release_id FROM live) AS live,
              r.id IN (SELECT release_id FROM latest) AS latest
         FROM releases r
         JOIN projects p ON p.id = r.project_id
         JOIN channels c ON c.id = r.channel_id
         LEFT JOIN deployments d ON d.release_id = r.id
        WHERE COALESCE(c.lifecycle_id, p.lifecycle_id) IN (SELECT lifecycle_id FROM limited)
        GROUP BY r.id, p.id, c.id
        ORDER BY p.slug, r.created_at DESC`,
    );
    return rows.map(({ projectId, projectSlug, live, latest, unfinished, ...row }) => ({
      ...row,
      project: { id: projectId, slug: projectSlug },
      protections: [
        ...(live ? (['live'] as const) : []),
        ...(latest ? (['latest'] as const) : []),
        ...(unfinished ? (['unfinished'] as const) : []),
      ],
    }));
  }

  /** How many deployments and log lines each release has. */
  async sizes(
    releaseIds: string[],
  ): Promise<Map<string, { deployments: number; logLines: number }>> {
    if (!releaseIds.length) return new Map();
    const rows: { id: string; deployments: string; lines: string }[] = await this.dataSource.query(
      `SELECT release_id AS id, count(*) AS deployments, COALESCE(sum(log_seq), 0) AS lines
         FROM deployments WHERE release_id = ANY($1) GROUP BY release_id`,
      [releaseIds],
    );
    return new Map(
      rows.map((row) => [
        row.id,
        { deployments: Number(row.deployments), logLines: Number(row.lines) },
      ]),
    );
  }

  /**
   * Deletes these releases with their deployments and logs, except any that became protected
   * since they were judged (live or latest somewhere, or a deployment under way): the check and
   * the delete are one statement.
   */
  async deleteReleases(releaseIds: string[]): Promise<DeletedCounts & { ids: string[] }> {
    if (!releaseIds.length) return { releases: 0, deployments: 0, logLines: 0, ids: [] };
    const [rows]: [{ id: string; deployments: string; lines: string }[], number] =
      await this.dataSource.query(
        `WITH doomed AS (
           SELECT r.id FROM releases r
            WHERE r.id = ANY($1)
              AND NOT EXISTS (SELECT 1 FROM deployments d WHERE d.release_id = r.id AND d.status NOT IN (${FINAL}))
              AND NOT EXISTS (SELECT 1 FROM stack_deployments s JOIN deployments d
                                  ON d.id = s.live_deployment_id OR d.id = s.latest_deployment_id
                               WHERE d.release_id = r.id)
            FOR UPDATE OF r
         ), sizes AS (
           SELECT doomed.id, count(d.id) AS deployments, COALESCE(sum(d.log_seq), 0) AS lines
             FROM doomed LEFT JOIN deployments d ON d.release_id = doomed.id GROUP BY doomed.id
         )
         DELETE FROM releases r USING sizes WHERE r.id = sizes.id
         RETURNING r.id, sizes.deployments, sizes.lines`,
        [releaseIds],
      );
    return {
      ids: rows.map((row) => row.id),
      releases: rows.length,
      deployments: rows.reduce((sum, row) => sum + Number(row.deployments), 0),
      logLines: rows.reduce((sum, row) => sum + Number(row.lines), 0),
    };
  }

  /** Each (target, stack) a project with a task definition limit has deployed to. */
  families(): Promise<RetentionFamilyRow[]> {
    return this.dataSource
      .query(
        `SELECT DISTINCT p.id AS "projectId", p.slug AS "projectSlug", p.keep_task_definitions AS keep,
                dt.target_id AS "targetId", dt.stack_name AS family
           FROM projects p
           JOIN deployments d ON d.project_id = p.id
           JOIN deployment_targets dt ON dt.deployment_id = d.id
          WHERE p.keep_task_definitions IS NOT NULL
          ORDER BY p.slug, dt.stack_name`,
      )
      .then(
        (
          rows: {
            projectId: string;
            projectSlug: string;
            keep: number;
            targetId: string;
            family: string;
          }[],
        ) =>
          rows.map((row) => ({
            project: { id: row.projectId, slug: row.projectSlug },
            keepTaskDefinitions: row.keep,
            targetId: row.targetId,
            family: row.family,
          })),
      );
  }
}
