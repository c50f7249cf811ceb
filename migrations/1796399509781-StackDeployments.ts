import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keeps "where does each stack stand" in two small tables, so the dashboard and promotion read a
 * row per stack or per cell instead of scanning every deployment ever made:
 *
 * - `stack_deployments`: per stack (project, environment, tenant) the latest deployment and its
 *   status, and the live one (the deployment that succeeded last: what the stack runs, since a
 *   failed or cancelled deployment rolls back to it).
 * - `dashboard_cells`: per (project, environment) the latest and the live deployment, how many
 *   tenants are connected, and how many tenants' latest deployment is in each status.
 *
 * Triggers on `deployments` and `tenant_connections` update both in the same transaction as the
 * row they follow. `rebuild_stack_deployments()` recomputes both from scratch: the backfill here,
 * and after a bulk load that ran with triggers off (the history bench).
 *
 * Also replaces the list index by one per filter in `created_at` order, for keyset pages.
 */
export class StackDeployments1796399509781 implements MigrationInterface {
  name = 'StackDeployments1796399509781';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE stack_deployments (
        stack_key varchar(200) PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        environment_id uuid NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
        tenant_id uuid REFERENCES tenants(id) ON DELETE CASCADE,
        latest_deployment_id uuid REFERENCES deployments(id) ON DELETE SET NULL,
        latest_seq bigint,
        latest_status varchar(16),
        live_deployment_id uuid REFERENCES deployments(id) ON DELETE SET NULL
      );
      CREATE INDEX stack_deployments_cell ON stack_deployments (project_id, environment_id, tenant_id);
      CREATE INDEX stack_deployments_tenant ON stack_deployments (tenant_id);

      CREATE TABLE dashboard_cells (
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        environment_id uuid NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
        latest_deployment_id uuid REFERENCES deployments(id) ON DELETE SET NULL,
        latest_seq bigint,
        live_deployment_id uuid REFERENCES deployments(id) ON DELETE SET NULL,
        tenants_connected integer NOT NULL DEFAULT 0,
        tenants_live integer NOT NULL DEFAULT 0,
        tenants_queued integer NOT NULL DEFAULT 0,
        tenants_running integer NOT NULL DEFAULT 0,
        tenants_succeeded integer NOT NULL DEFAULT 0,
        tenants_failed integer NOT NULL DEFAULT 0,
        tenants_cancelled integer NOT NULL DEFAULT 0,
        PRIMARY KEY (project_id, environment_id)
      );

      -- One tenant's latest deployment moves from status "old" to status "new" (either may be null).
      CREATE FUNCTION move_tenant_count(p_project uuid, p_environment uuid, old varchar, new varchar, became_live boolean)
      RETURNS void LANGUAGE sql AS $fn$
        UPDATE dashboard_cells SET
          tenants_queued = tenants_queued + (new IS NOT DISTINCT FROM 'queued')::int - (old IS NOT DISTINCT FROM 'queued')::int,
          tenants_running = tenants_running + (new IS NOT DISTINCT FROM 'running')::int - (old IS NOT DISTINCT FROM 'running')::int,
          tenants_succeeded = tenants_succeeded + (new IS NOT DISTINCT FROM 'succeeded')::int - (old IS NOT DISTINCT FROM 'succeeded')::int,
          tenants_failed = tenants_failed + (new IS NOT DISTINCT FROM 'failed')::int - (old IS NOT DISTINCT FROM 'failed')::int,
          tenants_cancelled = tenants_cancelled + (new IS NOT DISTINCT FROM 'cancelled')::int - (old IS NOT DISTINCT FROM 'cancelled')::int,
          tenants_live = tenants_live + became_live::int
        WHERE project_id = p_project AND environment_id = p_environment;
      $fn$;

      CREATE FUNCTION track_new_deployment() RETURNS trigger LANGUAGE plpgsql AS $fn$
      DECLARE
        previous stack_deployments%ROWTYPE;
      BEGIN
        INSERT INTO stack_deployments (stack_key, project_id, environment_id, tenant_id)
          VALUES (NEW.stack_key, NEW.project_id, NEW.environment_id, NEW.tenant_id)
          ON CONFLICT (stack_key) DO NOTHING;
        INSERT INTO dashboard_cells (project_id, environment_id)
          VALUES (NEW.project_id, NEW.environment_id) ON CONFLICT DO NOTHING;
        -- The row lock makes concurrent writers of one stack take turns, so the counts stay exact.
        SELECT * INTO previous FROM stack_deployments WHERE stack_key = NEW.stack_key FOR UPDATE;
        IF previous.latest_seq > NEW.seq THEN
          RETURN NULL;
        END IF;
        UPDATE stack_deployments SET latest_deployment_id = NEW.id, latest_seq = NEW.seq, latest_status = NEW.status,
               live_deployment_id = CASE WHEN NEW.status = 'succeeded' THEN NEW.id ELSE live_deployment_id END
         WHERE stack_key = NEW.stack_key;
        UPDATE dashboard_cells SET
               latest_deployment_id = CASE WHEN latest_seq > NEW.seq THEN latest_deployment_id ELSE NEW.id END,
               latest_seq = GREATEST(latest_seq, NEW.seq),
               live_deployment_id = CASE WHEN NEW.status = 'succeeded' THEN NEW.id ELSE live_deployment_id END
         WHERE project_id = NEW.project_id AND environment_id = NEW.environment_id;
        IF NEW.tenant_id IS NOT NULL THEN
          PERFORM move_tenant_count(NEW.project_id, NEW.environment_id, previous.latest_status, NEW.status,
                                    previous.live_deployment_id IS NULL AND NEW.status = 'succeeded');
        END IF;
        RETURN NULL;
      END;
      $fn$;

      CREATE FUNCTION track_deployment_status() RETURNS trigger LANGUAGE plpgsql AS $fn$
      DECLARE
        previous stack_deployments%ROWTYPE;
        latest boolean;
        succeeded boolean := NEW.status = 'succeeded';
      BEGIN
        SELECT * INTO previous FROM stack_deployments WHERE stack_key = NEW.stack_key FOR UPDATE;
        IF NOT FOUND THEN
          RETURN NULL;
        END IF;
        latest := previous.latest_deployment_id = NEW.id;
        UPDATE stack_deployments SET
               latest_status = CASE WHEN latest THEN NEW.status ELSE latest_status END,
               live_deployment_id = CASE WHEN succeeded THEN NEW.id ELSE live_deployment_id END
         WHERE stack_key = NEW.stack_key;
        IF succeeded THEN
          UPDATE dashboard_cells SET live_deployment_id = NEW.id
           WHERE project_id = NEW.project_id AND environment_id = NEW.environment_id;
        END IF;
        IF NEW.tenant_id IS NOT NULL AND (latest OR succeeded) THEN
          PERFORM move_tenant_count(NEW.project_id, NEW.environment_id,
                                    CASE WHEN latest THEN previous.latest_status END,
                                    CASE WHEN latest THEN NEW.status END,
                                    previous.live_deployment_id IS NULL AND succeeded);
        END IF;
        RETURN NULL;
      END;
      $fn$;

      CREATE TRIGGER deployments_track_new AFTER INSERT ON deployments
        FOR EACH ROW EXECUTE FUNCTION track_new_deployment();
      CREATE TRIGGER deployments_track_status AFTER UPDATE OF status ON deployments
        FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION track_deployment_status();

      CREATE FUNCTION track_tenant_connection() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO dashboard_cells (project_id, environment_id, tenants_connected)
            VALUES (NEW.project_id, NEW.environment_id, 1)
            ON CONFLICT (project_id, environment_id) DO UPDATE SET tenants_connected = dashboard_cells.tenants_connected + 1;
        ELSE
          -- A plain UPDATE: when the project itself is being deleted its cells are gone already.
          UPDATE dashboard_cells SET tenants_connected = tenants_connected - 1
           WHERE project_id = OLD.project_id AND environment_id = OLD.environment_id;
        END IF;
        RETURN NULL;
      END;
      $fn$;

      CREATE TRIGGER tenant_connections_count AFTER INSERT OR DELETE ON tenant_connections
        FOR EACH ROW EXECUTE FUNCTION track_tenant_connection();

      CREATE FUNCTION rebuild_stack_deployments() RETURNS void LANGUAGE sql AS $fn$
        DELETE FROM dashboard_cells;
        DELETE FROM stack_deployments;
        INSERT INTO stack_deployments (stack_key, project_id, environment_id, tenant_id, latest_deployment_id, latest_seq, latest_status, live_deployment_id)
        SELECT latest.stack_key, latest.project_id, latest.environment_id, latest.tenant_id, latest.id, latest.seq, latest.status, live.id
          FROM (SELECT DISTINCT ON (stack_key) stack_key, project_id, environment_id, tenant_id, id, seq, status
                  FROM deployments ORDER BY stack_key, seq DESC) latest
          LEFT JOIN (SELECT DISTINCT ON (stack_key) stack_key, id FROM deployments WHERE status = 'succeeded'
                      ORDER BY stack_key, finished_at DESC NULLS LAST, seq DESC) live USING (stack_key);
        INSERT INTO dashboard_cells (project_id, environment_id, latest_deployment_id, latest_seq, live_deployment_id,
               tenants_live, tenants_queued, tenants_running, tenants_succeeded, tenants_failed, tenants_cancelled)
        SELECT s.project_id, s.environment_id,
               (array_agg(s.latest_deployment_id ORDER BY s.latest_seq DESC))[1], max(s.latest_seq),
               (array_agg(s.live_deployment_id ORDER BY live.finished_at DESC NULLS LAST, live.seq DESC) FILTER (WHERE s.live_deployment_id IS NOT NULL))[1],
               count(*) FILTER (WHERE s.tenant_id IS NOT NULL AND s.live_deployment_id IS NOT NULL),
               count(*) FILTER (WHERE s.tenant_id IS NOT NULL AND s.latest_status = 'queued'),
               count(*) FILTER (WHERE s.tenant_id IS NOT NULL AND s.latest_status = 'running'),
               count(*) FILTER (WHERE s.tenant_id IS NOT NULL AND s.latest_status = 'succeeded'),
               count(*) FILTER (WHERE s.tenant_id IS NOT NULL AND s.latest_status = 'failed'),
               count(*) FILTER (WHERE s.tenant_id IS NOT NULL AND s.latest_status = 'cancelled')
          FROM stack_deployments s LEFT JOIN deployments live ON live.id = s.live_deployment_id
         GROUP BY s.project_id, s.environment_id;
        INSERT INTO dashboard_cells (project_id, environment_id, tenants_connected)
        SELECT project_id, environment_id, count(*) FROM tenant_connections GROUP BY project_id, environment_id
            ON CONFLICT (project_id, environment_id) DO UPDATE SET tenants_connected = EXCLUDED.tenants_connected;
      $fn$;

      SELECT rebuild_stack_deployments();

      -- Keyset pages of GET /api/deployments, newest first: one index per filter.
      DROP INDEX deployments_filters;
      CREATE INDEX deployments_created ON deployments (created_at DESC, seq DESC);
      CREATE INDEX deployments_project_created ON deployments (project_id, environment_id, created_at DESC, seq DESC);
      CREATE INDEX deployments_project_only_created ON deployments (project_id, created_at DESC, seq DESC);
      CREATE INDEX deployments_environment_created ON deployments (environment_id, created_at DESC, seq DESC);
      CREATE INDEX deployments_tenant_created ON deployments (tenant_id, created_at DESC, seq DESC) WHERE tenant_id IS NOT NULL;
      CREATE INDEX deployments_status_created ON deployments (status, created_at DESC, seq DESC);
      -- What a stack runs now (the latest finished deployment), read when deployments are planned.
      CREATE INDEX deployments_stack_finished ON deployments (stack_key, finished_at DESC, seq DESC)
        WHERE status IN ('succeeded', 'failed', 'cancelled');
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX deployments_stack_finished, deployments_status_created, deployments_tenant_created,
        deployments_environment_created, deployments_project_only_created, deployments_project_created,
        deployments_created;
      CREATE INDEX deployments_filters ON deployments (project_id, environment_id, status, created_at DESC);
      DROP TRIGGER tenant_connections_count ON tenant_connections;
      DROP TRIGGER deployments_track_status ON deployments;
      DROP TRIGGER deployments_track_new ON deployments;
      DROP FUNCTION rebuild_stack_deployments(), track_tenant_connection(), track_deployment_status(),
        track_new_deployment(), move_tenant_count(uuid, uuid, varchar, varchar, boolean);
      DROP TABLE dashboard_cells, stack_deployments;
    `);
  }
}
