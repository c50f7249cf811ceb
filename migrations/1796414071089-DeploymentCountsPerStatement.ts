import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counts new deployments once per INSERT statement instead of once per row. A fan-out inserts a
 * thousand deployments of one (project, environment) cell in one statement; updating the cell's
 * counts row by row made a chain of a thousand row versions in one transaction, each update
 * walking it again (EXPLAIN ANALYZE of a 1,000-row insert: 1.37 s in that trigger alone). The
 * statement's rows are now grouped per stack and per cell and each row of the counts is updated
 * once. Status changes and deletes keep the row trigger (one row at a time in practice).
 */
export class DeploymentCountsPerStatement1796414071089 implements MigrationInterface {
  name = 'DeploymentCountsPerStatement1796414071089';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION count_new_deployments() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        UPDATE stack_deployments s SET
          count_queued = s.count_queued + n.queued, count_running = s.count_running + n.running,
          count_waiting = s.count_waiting + n.waiting, count_succeeded = s.count_succeeded + n.succeeded,
          count_failed = s.count_failed + n.failed, count_cancelled = s.count_cancelled + n.cancelled
          FROM (SELECT stack_key,
                       count(*) FILTER (WHERE status = 'queued') AS queued,
                       count(*) FILTER (WHERE status = 'running') AS running,
                       count(*) FILTER (WHERE status = 'waiting') AS waiting,
                       count(*) FILTER (WHERE status = 'succeeded') AS succeeded,
                       count(*) FILTER (WHERE status = 'failed') AS failed,
                       count(*) FILTER (WHERE status = 'cancelled') AS cancelled
                  FROM new_rows GROUP BY stack_key) n
         WHERE s.stack_key = n.stack_key;
        UPDATE dashboard_cells c SET
          count_queued = c.count_queued + n.queued, count_running = c.count_running + n.running,
          count_waiting = c.count_waiting + n.waiting, count_succeeded = c.count_succeeded + n.succeeded,
          count_failed = c.count_failed + n.failed, count_cancelled = c.count_cancelled + n.cancelled
          FROM (SELECT project_id, environment_id,
                       count(*) FILTER (WHERE status = 'queued') AS queued,
                       count(*) FILTER (WHERE status = 'running') AS running,
                       count(*) FILTER (WHERE status = 'waiting') AS waiting,
                       count(*) FILTER (WHERE status = 'succeeded') AS succeeded,
                       count(*) FILTER (WHERE status = 'failed') AS failed,
                       count(*) FILTER (WHERE status = 'cancelled') AS cancelled
                  FROM new_rows GROUP BY project_id, environment_id) n
         WHERE c.project_id = n.project_id AND c.environment_id = n.environment_id;
        RETURN NULL;
      END;
      $fn$;

      -- Statement triggers run after the row triggers that create the stack and cell rows.
      DROP TRIGGER deployments_track_zcount ON deployments;
      CREATE TRIGGER deployments_track_zcount AFTER DELETE ON deployments
        FOR EACH ROW EXECUTE FUNCTION count_deployment();
      CREATE TRIGGER deployments_track_zcount_new AFTER INSERT ON deployments
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION count_new_deployments();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER deployments_track_zcount_new ON deployments;
      DROP TRIGGER deployments_track_zcount ON deployments;
      CREATE TRIGGER deployments_track_zcount AFTER INSERT OR DELETE ON deployments
        FOR EACH ROW EXECUTE FUNCTION count_deployment();
      DROP FUNCTION count_new_deployments();
    `);
  }
}
