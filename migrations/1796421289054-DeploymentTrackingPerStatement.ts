import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = ['queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled'];

/** `<prefix>_<status> = <table>.<prefix>_<status> + <from>.<status>` for every status. */
const added = (table: string, prefix: string, from: string, fromPrefix = '') =>
  STATUSES.map(
    (status) =>
      `${prefix}_${status} = ${table}.${prefix}_${status} + ${from}.${fromPrefix}${status}`,
  ).join(',\n           ');

/** Per status: how many rows of `rows` entered it minus how many left it (`<alias>status`). */
const moves = (before: string, after: string, alias = '') =>
  STATUSES.map(
    (status) =>
      `COALESCE(sum((${after} IS NOT DISTINCT FROM '${status}')::int - (${before} IS NOT DISTINCT FROM '${status}')::int), 0) AS ${alias}${status}`,
  ).join(',\n                 ');

/**
 * Follows deployments into `stack_deployments` and `dashboard_cells` once per statement instead
 * of once per row (#17). A fan-out inserts a thousand deployments of one (project, environment)
 * cell in one statement, and a release's deployments may change status in one statement; the row
 * triggers updated the cell's row a thousand times (and twice more per row for its counts) in one
 * transaction, each update walking the growing chain of row versions. The statement triggers read
 * the transition tables, lock the statement's stacks in key order (concurrent writers of a stack
 * take turns, and never deadlock), update each stack once and each cell once: latest and live
 * deployment, tenants per status of their latest deployment, deployments per status.
 *
 * Deletes keep their row trigger (retention deletes a few at a time). The row functions stay
 * (unused) for `down()`.
 */
export class DeploymentTrackingPerStatement1796421289054 implements MigrationInterface {
  name = 'DeploymentTrackingPerStatement1796421289054';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION track_new_deployments() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        INSERT INTO stack_deployments (stack_key, project_id, environment_id, tenant_id)
          SELECT DISTINCT ON (stack_key) stack_key, project_id, environment_id, tenant_id
            FROM new_rows ORDER BY stack_key
          ON CONFLICT (stack_key) DO NOTHING;
        INSERT INTO dashboard_cells (project_id, environment_id)
          SELECT DISTINCT project_id, environment_id FROM new_rows ORDER BY 1, 2
          ON CONFLICT DO NOTHING;
        PERFORM 1 FROM stack_deployments WHERE stack_key IN (SELECT stack_key FROM new_rows)
          ORDER BY stack_key FOR UPDATE;
        WITH numbered AS (
          -- A row older than the stack's latest deployment changes only the counts.
          SELECT n.*, s.latest_seq IS NULL OR n.seq > s.latest_seq AS newer
            FROM new_rows n JOIN stack_deployments s USING (stack_key)
        ),
        per_stack AS (
          SELECT stack_key,
                 (array_agg(id ORDER BY seq DESC) FILTER (WHERE newer))[1] AS latest_id,
                 max(seq) FILTER (WHERE newer) AS latest_seq,
                 (array_agg(status ORDER BY seq DESC) FILTER (WHERE newer))[1] AS latest_status,
                 (array_agg(id ORDER BY seq DESC) FILTER (WHERE newer AND status = 'succeeded'))[1] AS live_id,
                 max(seq) FILTER (WHERE newer AND status = 'succeeded') AS live_seq,
                 ${moves('NULL', 'status')}
            FROM numbered GROUP BY stack_key
        ),
        moved AS (
          UPDATE stack_deployments s SET
                 latest_deployment_id = COALESCE(p.latest_id, s.latest_deployment_id),
                 latest_seq = COALESCE(p.latest_seq, s.latest_seq),
                 latest_status = CASE WHEN p.latest_id IS NULL THEN s.latest_status ELSE p.latest_status END,
                 live_deployment_id = COALESCE(p.live_id, s.live_deployment_id),
                 ${added('s', 'count', 'p')}
            FROM per_stack p JOIN stack_deployments was ON was.stack_key = p.stack_key
           WHERE s.stack_key = p.stack_key
          RETURNING s.project_id, s.environment_id, s.tenant_id, p.*,
                    was.latest_status AS old_status, s.latest_status AS new_status,
                    was.live_deployment_id IS NULL AND p.live_id IS NOT NULL AS became_live
        )
        UPDATE dashboard_cells c SET
               latest_deployment_id = CASE WHEN m.latest_seq IS NULL OR c.latest_seq > m.latest_seq
                                           THEN c.latest_deployment_id ELSE m.latest_id END,
               latest_seq = GREATEST(c.latest_seq, m.latest_seq),
               live_deployment_id = COALESCE(m.live_id, c.live_deployment_id),
               tenants_live = c.tenants_live + m.became_live,
               ${added('c', 'tenants', 'm', 'tenants_')},
               ${added('c', 'count', 'm')}
          FROM (SELECT project_id, environment_id,
                       (array_agg(latest_id ORDER BY latest_seq DESC) FILTER (WHERE latest_id IS NOT NULL))[1] AS latest_id,
                       max(latest_seq) AS latest_seq,
                       (array_agg(live_id ORDER BY live_seq DESC) FILTER (WHERE live_id IS NOT NULL))[1] AS live_id,
                       count(*) FILTER (WHERE tenant_id IS NOT NULL AND became_live) AS became_live,
                       ${STATUSES.map((s) => `sum(${s}) AS ${s}`).join(', ')},
                       ${moves('CASE WHEN tenant_id IS NOT NULL THEN old_status END', 'CASE WHEN tenant_id IS NOT NULL THEN new_status END', 'tenants_')}
                  FROM moved GROUP BY project_id, environment_id) m
         WHERE c.project_id = m.project_id AND c.environment_id = m.environment_id;
        RETURN NULL;
      END;
      $fn$;

      CREATE FUNCTION track_deployment_statuses() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        -- Every UPDATE of deployments comes here (a trigger with transition tables takes no column
        -- list); most change no status and stop at this lock of no stack.
        PERFORM 1 FROM stack_deployments WHERE stack_key IN (
            SELECT n.stack_key FROM new_rows n JOIN old_rows o USING (id) WHERE n.status IS DISTINCT FROM o.status)
          ORDER BY stack_key FOR UPDATE;
        IF NOT FOUND THEN
          RETURN NULL;
        END IF;
        WITH changed AS (
          SELECT n.id, n.stack_key, n.seq, o.status AS old_status, n.status AS new_status
            FROM new_rows n JOIN old_rows o USING (id) WHERE n.status IS DISTINCT FROM o.status
        ),
        per_stack AS (
          SELECT c.stack_key,
                 -- The stack's latest deployment's new status, when it is one of the changed.
                 (array_agg(c.new_status) FILTER (WHERE c.id = s.latest_deployment_id))[1] AS latest_status,
                 (array_agg(c.id ORDER BY c.seq DESC) FILTER (WHERE c.new_status = 'succeeded'))[1] AS live_id,
                 max(c.seq) FILTER (WHERE c.new_status = 'succeeded') AS live_seq,
                 ${moves('c.old_status', 'c.new_status')}
            FROM changed c JOIN stack_deployments s USING (stack_key) GROUP BY c.stack_key
        ),
        moved AS (
          UPDATE stack_deployments s SET
                 latest_status = COALESCE(p.latest_status, s.latest_status),
                 live_deployment_id = COALESCE(p.live_id, s.live_deployment_id),
                 ${added('s', 'count', 'p')}
            FROM per_stack p JOIN stack_deployments was ON was.stack_key = p.stack_key
           WHERE s.stack_key = p.stack_key
          RETURNING s.project_id, s.environment_id, s.tenant_id, p.*,
                    was.latest_status AS old_status, s.latest_status AS new_status,
                    was.live_deployment_id IS NULL AND p.live_id IS NOT NULL AS became_live
        )
        UPDATE dashboard_cells c SET
               live_deployment_id = COALESCE(m.live_id, c.live_deployment_id),
               tenants_live = c.tenants_live + m.became_live,
               ${added('c', 'tenants', 'm', 'tenants_')},
               ${added('c', 'count', 'm')}
          FROM (SELECT project_id, environment_id,
                       (array_agg(live_id ORDER BY live_seq DESC) FILTER (WHERE live_id IS NOT NULL))[1] AS live_id,
                       count(*) FILTER (WHERE tenant_id IS NOT NULL AND became_live) AS became_live,
                       ${STATUSES.map((s) => `sum(${s}) AS ${s}`).join(', ')},
                       ${moves('CASE WHEN tenant_id IS NOT NULL THEN old_status END', 'CASE WHEN tenant_id IS NOT NULL THEN new_status END', 'tenants_')}
                  FROM moved GROUP BY project_id, environment_id) m
         WHERE c.project_id = m.project_id AND c.environment_id = m.environment_id;
        RETURN NULL;
      END;
      $fn$;

      DROP TRIGGER deployments_track_new ON deployments;
      DROP TRIGGER deployments_track_status ON deployments;
      DROP TRIGGER deployments_track_zcount_status ON deployments;
      DROP TRIGGER deployments_track_zcount_new ON deployments;
      CREATE TRIGGER deployments_track_new AFTER INSERT ON deployments
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION track_new_deployments();
      CREATE TRIGGER deployments_track_status AFTER UPDATE ON deployments
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION track_deployment_statuses();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER deployments_track_status ON deployments;
      DROP TRIGGER deployments_track_new ON deployments;
      CREATE TRIGGER deployments_track_new AFTER INSERT ON deployments
        FOR EACH ROW EXECUTE FUNCTION track_new_deployment();
      CREATE TRIGGER deployments_track_status AFTER UPDATE OF status ON deployments
        FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION track_deployment_status();
      CREATE TRIGGER deployments_track_zcount_status AFTER UPDATE OF status ON deployments
        FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION count_deployment();
      CREATE TRIGGER deployments_track_zcount_new AFTER INSERT ON deployments
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION count_new_deployments();
      DROP FUNCTION track_deployment_statuses(), track_new_deployments();
    `);
  }
}
