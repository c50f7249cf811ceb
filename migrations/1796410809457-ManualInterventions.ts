import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Manual intervention steps: a deployment may wait for a decision (status `waiting`) for hours
 * without a worker. A waiting deployment keeps its stack like a running one (the one-per-stack
 * index and the stack queue count it), holds no lease (the reconciler leaves it alone), and its
 * tenant is counted apart on the dashboard. Each intervention asked for is a row: what the
 * decider reads, who may decide, when it times out, and the decision (who, when, note).
 * Deployments counted per status (the list's totals) count `waiting` too.
 * `created_by_key_id` records the key that started a deployment, for `preventSelfApproval`.
 */
export class ManualInterventions1796410809457 implements MigrationInterface {
  name = 'ManualInterventions1796410809457';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE deployments DROP CONSTRAINT deployments_status_check;
      ALTER TABLE deployments ADD CONSTRAINT deployments_status_check
        CHECK (status IN ('queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled'));
      ALTER TABLE deployments ADD COLUMN created_by_key_id uuid;

      DROP INDEX deployments_one_running_per_stack;
      CREATE UNIQUE INDEX deployments_one_running_per_stack ON deployments (stack_key) WHERE status IN ('running', 'waiting');
      DROP INDEX deployments_stack_queue;
      CREATE INDEX deployments_stack_queue ON deployments (stack_key, seq) WHERE status IN ('queued', 'running', 'waiting');

      CREATE TABLE deployment_interventions (
        deployment_id uuid NOT NULL REFERENCES deployments(id) ON DELETE CASCADE,
        step varchar(63) NOT NULL,
        instructions text NOT NULL,
        approvers jsonb NOT NULL DEFAULT '{}',
        prevent_self_approval boolean NOT NULL DEFAULT false,
        timeout_minutes integer,
        requested_at timestamptz NOT NULL DEFAULT now(),
        timeout_at timestamptz,
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'cancelled')),
        decided_by_key_id uuid,
        decided_by varchar(100),
        note text,
        decided_at timestamptz,
        PRIMARY KEY (deployment_id, step)
      );
      -- What the reconciler looks for: pending interventions past their timeout.
      CREATE INDEX deployment_interventions_due ON deployment_interventions (timeout_at) WHERE status = 'pending' AND timeout_at IS NOT NULL;

      ALTER TABLE dashboard_cells ADD COLUMN tenants_waiting integer NOT NULL DEFAULT 0;

      CREATE OR REPLACE FUNCTION move_tenant_count(p_project uuid, p_environment uuid, old varchar, new varchar, became_live boolean)
      RETURNS void LANGUAGE sql AS $fn$
        UPDATE dashboard_cells SET
          tenants_queued = tenants_queued + (new IS NOT DISTINCT FROM 'queued')::int - (old IS NOT DISTINCT FROM 'queued')::int,
          tenants_running = tenants_running + (new IS NOT DISTINCT FROM 'running')::int - (old IS NOT DISTINCT FROM 'running')::int,
          tenants_waiting = tenants_waiting + (new IS NOT DISTINCT FROM 'waiting')::int - (old IS NOT DISTINCT FROM 'waiting')::int,
          tenants_succeeded = tenants_succeeded + (new IS NOT DISTINCT FROM 'succeeded')::int - (old IS NOT DISTINCT FROM 'succeeded')::int,
          tenants_failed = tenants_failed + (new IS NOT DISTINCT FROM 'failed')::int - (old IS NOT DISTINCT FROM 'failed')::int,
          tenants_cancelled = tenants_cancelled + (new IS NOT DISTINCT FROM 'cancelled')::int - (old IS NOT DISTINCT FROM 'cancelled')::int,
          tenants_live = tenants_live + became_live::int
        WHERE project_id = p_project AND environment_id = p_environment;
      $fn$;

      ALTER TABLE stack_deployments ADD COLUMN count_waiting bigint NOT NULL DEFAULT 0;
      ALTER TABLE dashboard_cells ADD COLUMN count_waiting bigint NOT NULL DEFAULT 0;

      CREATE OR REPLACE FUNCTION move_deployment_count(p_stack varchar, p_project uuid, p_environment uuid, old varchar, new varchar)
      RETURNS void LANGUAGE sql AS $fn$
        UPDATE stack_deployments SET
          count_queued = count_queued + (new IS NOT DISTINCT FROM 'queued')::int - (old IS NOT DISTINCT FROM 'queued')::int,
          count_running = count_running + (new IS NOT DISTINCT FROM 'running')::int - (old IS NOT DISTINCT FROM 'running')::int,
          count_waiting = count_waiting + (new IS NOT DISTINCT FROM 'waiting')::int - (old IS NOT DISTINCT FROM 'waiting')::int,
          count_succeeded = count_succeeded + (new IS NOT DISTINCT FROM 'succeeded')::int - (old IS NOT DISTINCT FROM 'succeeded')::int,
          count_failed = count_failed + (new IS NOT DISTINCT FROM 'failed')::int - (old IS NOT DISTINCT FROM 'failed')::int,
          count_cancelled = count_cancelled + (new IS NOT DISTINCT FROM 'cancelled')::int - (old IS NOT DISTINCT FROM 'cancelled')::int
        WHERE stack_key = p_stack;
        UPDATE dashboard_cells SET
          count_queued = count_queued + (new IS NOT DISTINCT FROM 'queued')::int - (old IS NOT DISTINCT FROM 'queued')::int,
          count_running = count_running + (new IS NOT DISTINCT FROM 'running')::int - (old IS NOT DISTINCT FROM 'running')::int,
          count_waiting = count_waiting + (new IS NOT DISTINCT FROM 'waiting')::int - (old IS NOT DISTINCT FROM 'waiting')::int,
          count_succeeded = count_succeeded + (new IS NOT DISTINCT FROM 'succeeded')::int - (old IS NOT DISTINCT FROM 'succeeded')::int,
          count_failed = count_failed + (new IS NOT DISTINCT FROM 'failed')::int - (old IS NOT DISTINCT FROM 'failed')::int,
          count_cancelled = count_cancelled + (new IS NOT DISTINCT FROM 'cancelled')::int - (old IS NOT DISTINCT FROM 'cancelled')::int
        WHERE project_id = p_project AND environment_id = p_environment;
      $fn$;

      CREATE OR REPLACE FUNCTION rebuild_stack_deployments() RETURNS void LANGUAGE sql AS $fn$
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
            ON CONFLICT (project_id, environment_id) DO UPDATE SET tenants_connected = EXCLUDED.tenants_connected;
      $fn$;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // A waiting deployment has no worker: down, it waits as a queued one would, and starts again.
    await queryRunner.query(`
      UPDATE deployments SET status = 'queued' WHERE status = 'waiting';
      DROP TABLE deployment_interventions;
      CREATE OR REPLACE FUNCTION move_tenant_count(p_project uuid, p_environment uuid, old varchar, new varchar, became_live boolean)
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
      CREATE OR REPLACE FUNCTION move_deployment_count(p_stack varchar, p_project uuid, p_environment uuid, old varchar, new varchar)
      RETURNS void LANGUAGE sql AS $fn$
        UPDATE stack_deployments SET
          count_queued = count_queued + (new IS NOT DISTINCT FROM 'queued')::int - (old IS NOT DISTINCT FROM 'queued')::int,
          count_running = count_running + (new IS NOT DISTINCT FROM 'running')::int - (old IS NOT DISTINCT FROM 'running')::int,
          count_succeeded = count_succeeded + (new IS NOT DISTINCT FROM 'succeeded')::int - (old IS NOT DISTINCT FROM 'succeeded')::int,
          count_failed = count_failed + (new IS NOT DISTINCT FROM 'failed')::int - (old IS NOT DISTINCT FROM 'failed')::int,
          count_cancelled = count_cancelled + (new IS NOT DISTINCT FROM 'cancelled')::int - (old IS NOT DISTINCT FROM 'cancelled')::int
        WHERE stack_key = p_stack;
        UPDATE dashboard_cells SET
          count_queued = count_queued + (new IS NOT DISTINCT FROM 'queued')::int - (old IS NOT DISTINCT FROM 'queued')::int,
          count_running = count_running + (new IS NOT DISTINCT FROM 'running')::int - (old IS NOT DISTINCT FROM 'running')::int,
          count_succeeded = count_succeeded + (new IS NOT DISTINCT FROM 'succeeded')::int - (old IS NOT DISTINCT FROM 'succeeded')::int,
          count_failed = count_failed + (new IS NOT DISTINCT FROM 'failed')::int - (old IS NOT DISTINCT FROM 'failed')::int,
          count_cancelled = count_cancelled + (new IS NOT DISTINCT FROM 'cancelled')::int - (old IS NOT DISTINCT FROM 'cancelled')::int
        WHERE project_id = p_project AND environment_id = p_environment;
      $fn$;
      CREATE OR REPLACE FUNCTION rebuild_stack_deployments() RETURNS void LANGUAGE sql AS $fn$
        DELETE FROM dashboard_cells;
        DELETE FROM stack_deployments;
        INSERT INTO stack_deployments (stack_key, project_id, environment_id, tenant_id, latest_deployment_id, latest_seq, latest_status, live_deployment_id,
               count_queued, count_running, count_succeeded, count_failed, count_cancelled)
        SELECT latest.stack_key, latest.project_id, latest.environment_id, latest.tenant_id, latest.id, latest.seq, latest.status, live.id,
               counts.queued, counts.running, counts.succeeded, counts.failed, counts.cancelled
          FROM (SELECT DISTINCT ON (stack_key) stack_key, project_id, environment_id, tenant_id, id, seq, status
                  FROM deployments ORDER BY stack_key, seq DESC) latest
          LEFT JOIN (SELECT DISTINCT ON (stack_key) stack_key, id FROM deployments WHERE status = 'succeeded'
                      ORDER BY stack_key, finished_at DESC NULLS LAST, seq DESC) live USING (stack_key)
          JOIN (SELECT stack_key,
                       count(*) FILTER (WHERE status = 'queued') AS queued,
                       count(*) FILTER (WHERE status = 'running') AS running,
                       count(*) FILTER (WHERE status = 'succeeded') AS succeeded,
                       count(*) FILTER (WHERE status = 'failed') AS failed,
                       count(*) FILTER (WHERE status = 'cancelled') AS cancelled
                  FROM deployments GROUP BY stack_key) counts USING (stack_key);
        INSERT INTO dashboard_cells (project_id, environment_id, latest_deployment_id, latest_seq, live_deployment_id,
               tenants_live, tenants_queued, tenants_running, tenants_succeeded, tenants_failed, tenants_cancelled,
               count_queued, count_running, count_succeeded, count_failed, count_cancelled)
        SELECT s.project_id, s.environment_id,
               (array_agg(s.latest_deployment_id ORDER BY s.latest_seq DESC))[1], max(s.latest_seq),
               (array_agg(s.live_deployment_id ORDER BY live.finished_at DESC NULLS LAST, live.seq DESC) FILTER (WHERE s.live_deployment_id IS NOT NULL))[1],
               count(*) FILTER (WHERE s.tenant_id IS NOT NULL AND s.live_deployment_id IS NOT NULL),
               count(*) FILTER (WHERE s.tenant_id IS NOT NULL AND s.latest_status = 'queued'),
               count(*) FILTER (WHERE s.tenant_id IS NOT NULL AND s.latest_status = 'running'),
               count(*) FILTER (WHERE s.tenant_id IS NOT NULL AND s.latest_status = 'succeeded'),
               count(*) FILTER (WHERE s.tenant_id IS NOT NULL AND s.latest_status = 'failed'),
               count(*) FILTER (WHERE s.tenant_id IS NOT NULL AND s.latest_status = 'cancelled'),
               sum(s.count_queued), sum(s.count_running), sum(s.count_succeeded), sum(s.count_failed), sum(s.count_cancelled)
          FROM stack_deployments s LEFT JOIN deployments live ON live.id = s.live_deployment_id
         GROUP BY s.project_id, s.environment_id;
        INSERT INTO dashboard_cells (project_id, environment_id, tenants_connected)
        SELECT project_id, environment_id, count(*) FROM tenant_connections GROUP BY project_id, environment_id
            ON CONFLICT (project_id, environment_id) DO UPDATE SET tenants_connected = EXCLUDED.tenants_connected;
      $fn$;
      ALTER TABLE stack_deployments DROP COLUMN count_waiting;
      ALTER TABLE dashboard_cells DROP COLUMN count_waiting;
      ALTER TABLE dashboard_cells DROP COLUMN tenants_waiting;
      DROP INDEX deployments_stack_queue;
      CREATE INDEX deployments_stack_queue ON deployments (stack_key, seq) WHERE status IN ('queued', 'running');
      DROP INDEX deployments_one_running_per_stack;
      CREATE UNIQUE INDEX deployments_one_running_per_stack ON deployments (stack_key) WHERE status = 'running';
      ALTER TABLE deployments DROP COLUMN created_by_key_id;
      ALTER TABLE deployments DROP CONSTRAINT deployments_status_check;
      ALTER TABLE deployments ADD CONSTRAINT deployments_status_check
        CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled'));
    `);
  }
}
