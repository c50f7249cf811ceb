import { MigrationInterface, QueryRunner } from 'typeorm';

/** `rebuild_stack_deployments()` as ManualInterventions1796410809457 left it (restored by down()). */
const REBUILD_BODY = `
        DELETE FROM dashboard_cells;
        DELETE FROM stack_deployments;
        INSERT INTO stack_deployments (stack_key, project_id, environment_id, tenant_id, latest_deployment_id, latest_seq, latest_status, live_deployment_id,
               count_queued, count_running, count_waiting, count_succeeded, count_failed, count_cancelled)
        SELECT latest.stack_key, latest.project_id, latest.environment_id, latest.tenant_id, latest.id, latest.seq, latest.status, live.id,
               counts.queued, counts.running, counts.waiting, counts.succeeded, counts.failed, counts.cancelled
          FROM (SELECT DISTINCT ON (stack_key) stack_key, project_id, environment_id, tenant_id, id, seq, status
                  FROM deployments ORDER BY stack_key, seq DESC) latest
          LEFT JOIN (SELECT DISTINCT ON (stack_key) stack_key, id FROM deployments WHERE status = 'succeeded'
                      ORDER BY stack_key, finished_at DESC NULLS LAST, seq DESC) live USING (stack_key)
          JOIN (SELECT stack_key,
                       count(*) FILTER (WHERE status = 'queued') AS queued,
                       count(*) FILTER (WHERE status = 'running') AS running,
                       count(*) FILTER (WHERE status = 'waiting') AS waiting,
                       count(*) FILTER (WHERE status = 'succeeded') AS succeeded,
                       count(*) FILTER (WHERE status = 'failed') AS failed,
                       count(*) FILTER (WHERE status = 'cancelled') AS cancelled
                  FROM deployments GROUP BY stack_key) counts USING (stack_key);
        INSERT INTO dashboard_cells (project_id, environment_id, latest_deployment_id, latest_seq, live_deployment_id,
               tenants_live, tenants_queued, tenants_running, tenants_waiting, tenants_succeeded, tenants_failed, tenants_cancelled,
               count_queued, count_running, count_waiting, count_succeeded, count_failed, count_cancelled)
        SELECT s.project_id, s.environment_id,
               (array_agg(s.latest_deployment_id ORDER BY s.latest_seq DESC))[1], max(s.latest_seq),
               (array_agg(s.live_deployment_id ORDER BY live.finished_at DESC NULLS LAST, live.seq DESC) FILTER (WHERE s.live_deployment_id IS NOT NULL))[1],
               count(*) FILTER (WHERE s.tenant_id IS NOT NULL AND s.live_deployment_id IS NOT NULL),
               count(*) FILTER (WHERE s.tenant_id IS NOT NULL AND s.latest_status = 'queued'),
               count(*) FILTER (WHERE s.tenant_id IS NOT NULL AND s.latest_status = 'running'),
               count(*) FILTER (WHERE s.tenant_id IS NOT NULL AND s.latest_status = 'waiting'),
               count(*) FILTER (WHERE s.tenant_id IS NOT NULL AND s.latest_status = 'succeeded'),
               count(*) FILTER (WHERE s.tenant_id IS NOT NULL AND s.latest_status = 'failed'),
               count(*) FILTER (WHERE s.tenant_id IS NOT NULL AND s.latest_status = 'cancelled'),
               sum(s.count_queued), sum(s.count_running), sum(s.count_waiting), sum(s.count_succeeded), sum(s.count_failed), sum(s.count_cancelled)
          FROM stack_deployments s LEFT JOIN deployments live ON live.id = s.live_deployment_id
         GROUP BY s.project_id, s.environment_id;
        INSERT INTO dashboard_cells (project_id, environment_id, tenants_connected)
        SELECT project_id, environment_id, count(*) FROM tenant_connections GROUP BY project_id, environment_id
            ON CONFLICT (project_id, environment_id) DO UPDATE SET tenants_connected = EXCLUDED.tenants_connected;`;

/**
 * Copies into the cells (of `cells`, a query of project_id, environment_id) what the dashboard
 * shows of their latest and live deployments, where it differs.
 */
const snapshotCells = (cells: string) => `
        UPDATE dashboard_cells c SET
               latest_release_id = s.latest_release_id, latest_release_version = s.latest_release_version,
               latest_status = s.latest_status, latest_created_at = s.latest_created_at, latest_finished_at = s.latest_finished_at,
               live_release_id = s.live_release_id, live_release_version = s.live_release_version, live_finished_at = s.live_finished_at
          FROM (SELECT c.project_id, c.environment_id,
                       l.release_id AS latest_release_id, lr.version AS latest_release_version, l.status AS latest_status,
                       l.created_at AS latest_created_at, l.finished_at AS latest_finished_at,
                       v.release_id AS live_release_id, vr.version AS live_release_version, v.finished_at AS live_finished_at
                  FROM dashboard_cells c
                  LEFT JOIN deployments l ON l.id = c.latest_deployment_id LEFT JOIN releases lr ON lr.id = l.release_id
                  LEFT JOIN deployments v ON v.id = c.live_deployment_id LEFT JOIN releases vr ON vr.id = v.release_id
                 WHERE (c.project_id, c.environment_id) IN (${cells})) s
         WHERE c.project_id = s.project_id AND c.environment_id = s.environment_id
           AND (c.latest_release_id, c.latest_release_version, c.latest_status, c.latest_created_at, c.latest_finished_at,
                c.live_release_id, c.live_release_version, c.live_finished_at)
               IS DISTINCT FROM
               (s.latest_release_id, s.latest_release_version, s.latest_status, s.latest_created_at, s.latest_finished_at,
                s.live_release_id, s.live_release_version, s.live_finished_at)`;

/**
 * Copies into the stacks (of `stacks`, a query of stack_key) when and in which order their live
 * deployment finished: what a tenant-tag filter orders stacks by to find a cell's live release.
 */
const snapshotStacks = (stacks: string) => `
        UPDATE stack_deployments s SET live_finished_at = v.finished_at, live_seq = v.seq
          FROM stack_deployments was LEFT JOIN deployments v ON v.id = was.live_deployment_id
         WHERE was.stack_key IN (${stacks}) AND s.stack_key = was.stack_key
           AND (s.live_finished_at, s.live_seq) IS DISTINCT FROM (v.finished_at, v.seq)`;

/** Locks the stacks of `stacks` in key order (before any cell, as the tracking triggers do). */
const lockStacks = (stacks: string) => `
        PERFORM 1 FROM stack_deployments WHERE stack_key IN (${stacks})
          ORDER BY stack_key FOR UPDATE;`;

/** Locks the cells of `cells` in key order, so the snapshot that follows reads what committed before. */
const lockCells = (cells: string) => `
        PERFORM 1 FROM dashboard_cells WHERE (project_id, environment_id) IN (${cells})
          ORDER BY project_id, environment_id FOR UPDATE;`;

const INSERTED = (columns: string) => `SELECT ${columns} FROM new_rows n`;
/** Deployments whose status or finish time changed: only those can change a snapshot. */
const CHANGED = (columns: string) => `SELECT ${columns} FROM new_rows n JOIN old_rows o USING (id)
                        WHERE (n.status, n.finished_at) IS DISTINCT FROM (o.status, o.finished_at)`;
const STACK = 'n.stack_key';
const CELL = 'n.project_id, n.environment_id';

/**
 * The dashboard reads a cell's latest attempt (release, status, created and finished time) and its
 * live release from `dashboard_cells` itself (#17): before, every cell joined `deployments` twice
 * and `releases` twice, ~500 random lookups into a table of a million rows per request. The
 * columns are kept by statement triggers that run after the tracking triggers of the same
 * statement (trigger names sort after `deployments_track_new`/`_status`), in the same transaction.
 * Each locks the statement's stacks and then cells in key order (the tracking triggers' order) and
 * then reads their latest and live deployments, so a concurrent writer's committed change is never
 * overwritten with an older one. Stacks keep when their live deployment finished (and its seq): a
 * tenant-tag filter picks a cell's live release among the tagged stacks without a lookup per stack.
 */
export class DashboardCellSnapshot1796424463410 implements MigrationInterface {
  name = 'DashboardCellSnapshot1796424463410';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE dashboard_cells
        ADD COLUMN latest_release_id uuid,
        ADD COLUMN latest_release_version varchar(100),
        ADD COLUMN latest_status varchar(16),
        ADD COLUMN latest_created_at timestamptz,
        ADD COLUMN latest_finished_at timestamptz,
        ADD COLUMN live_release_id uuid,
        ADD COLUMN live_release_version varchar(100),
        ADD COLUMN live_finished_at timestamptz;
      ALTER TABLE stack_deployments ADD COLUMN live_finished_at timestamptz, ADD COLUMN live_seq bigint;
      -- A tenant-tag filter reads the stacks of the tagged tenants in the page's projects in one index
      -- scan (the tenant index alone was ANDed with a scan of every stack of the projects).
      DROP INDEX stack_deployments_tenant;
      CREATE INDEX stack_deployments_tenant_cell ON stack_deployments (tenant_id, project_id, environment_id);

      CREATE FUNCTION snapshot_cells_of_new_deployments() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        ${lockStacks(INSERTED(STACK))}
        ${lockCells(INSERTED(CELL))}
        ${snapshotStacks(INSERTED(STACK))};
        ${snapshotCells(INSERTED(CELL))};
        RETURN NULL;
      END;
      $fn$;

      CREATE FUNCTION snapshot_cells_of_changed_deployments() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        ${lockStacks(CHANGED(STACK))}
        IF NOT FOUND THEN
          RETURN NULL;
        END IF;
        ${lockCells(CHANGED(CELL))}
        ${snapshotStacks(CHANGED(STACK))};
        ${snapshotCells(CHANGED(CELL))};
        RETURN NULL;
      END;
      $fn$;

      CREATE TRIGGER deployments_track_zcells_new AFTER INSERT ON deployments
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION snapshot_cells_of_new_deployments();
      CREATE TRIGGER deployments_track_zcells_status AFTER UPDATE ON deployments
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION snapshot_cells_of_changed_deployments();

      CREATE OR REPLACE FUNCTION rebuild_stack_deployments() RETURNS void LANGUAGE sql AS $fn$
        ${REBUILD_BODY}
        ${snapshotStacks('SELECT stack_key FROM stack_deployments')};
        ${snapshotCells('SELECT project_id, environment_id FROM dashboard_cells')};
      $fn$;

      ${snapshotStacks('SELECT stack_key FROM stack_deployments')};
      ${snapshotCells('SELECT project_id, environment_id FROM dashboard_cells')};
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION rebuild_stack_deployments() RETURNS void LANGUAGE sql AS $fn$
        ${REBUILD_BODY}
      $fn$;
      DROP TRIGGER deployments_track_zcells_status ON deployments;
      DROP TRIGGER deployments_track_zcells_new ON deployments;
      DROP FUNCTION snapshot_cells_of_changed_deployments(), snapshot_cells_of_new_deployments();
      ALTER TABLE dashboard_cells
        DROP COLUMN latest_release_id, DROP COLUMN latest_release_version, DROP COLUMN latest_status,
        DROP COLUMN latest_created_at, DROP COLUMN latest_finished_at,
        DROP COLUMN live_release_id, DROP COLUMN live_release_version, DROP COLUMN live_finished_at;
      DROP INDEX stack_deployments_tenant_cell;
      CREATE INDEX stack_deployments_tenant ON stack_deployments (tenant_id);
      ALTER TABLE stack_deployments DROP COLUMN live_finished_at, DROP COLUMN live_seq;
    `);
  }
}
