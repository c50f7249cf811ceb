import { MigrationInterface, QueryRunner } from 'typeorm';

/** The whole configuration, release and deployment model. Constraints live here, not only in code. */
export class InitialModel1764000000000 implements MigrationInterface {
  name = 'InitialModel1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE environments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug varchar(63) NOT NULL UNIQUE,
        name varchar(100) NOT NULL UNIQUE,
        description text NOT NULL DEFAULT '',
        position integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE lifecycles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug varchar(63) NOT NULL UNIQUE,
        name varchar(100) NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE lifecycle_phases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lifecycle_id uuid NOT NULL REFERENCES lifecycles(id) ON DELETE CASCADE,
        position integer NOT NULL,
        name varchar(100) NOT NULL,
        minimum_environments_before_promotion integer NOT NULL DEFAULT 0 CHECK (minimum_environments_before_promotion >= 0),
        optional boolean NOT NULL DEFAULT false,
        UNIQUE (lifecycle_id, position),
        UNIQUE (lifecycle_id, name)
      );

      CREATE TABLE lifecycle_phase_environments (
        phase_id uuid NOT NULL REFERENCES lifecycle_phases(id) ON DELETE CASCADE,
        lifecycle_id uuid NOT NULL REFERENCES lifecycles(id) ON DELETE CASCADE,
        environment_id uuid NOT NULL REFERENCES environments(id) ON DELETE RESTRICT,
        position integer NOT NULL,
        automatic boolean NOT NULL DEFAULT false,
        PRIMARY KEY (phase_id, environment_id),
        UNIQUE (lifecycle_id, environment_id)
      );

      CREATE TABLE projects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug varchar(63) NOT NULL UNIQUE,
        name varchar(100) NOT NULL UNIQUE,
        description text NOT NULL DEFAULT '',
        lifecycle_id uuid REFERENCES lifecycles(id) ON DELETE RESTRICT,
        tenancy varchar(16) NOT NULL DEFAULT 'untenanted' CHECK (tenancy IN ('untenanted', 'tenanted', 'mixed')),
        target_tags text[] NOT NULL DEFAULT '{}',
        step jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE channels (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        slug varchar(63) NOT NULL,
        name varchar(100) NOT NULL,
        lifecycle_id uuid REFERENCES lifecycles(id) ON DELETE RESTRICT,
        is_default boolean NOT NULL DEFAULT false,
        rules jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (project_id, slug),
        UNIQUE (project_id, name)
      );
      CREATE UNIQUE INDEX channels_one_default_per_project ON channels (project_id) WHERE is_default;

      CREATE TABLE tenants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug varchar(63) NOT NULL UNIQUE,
        name varchar(100) NOT NULL UNIQUE,
        tags text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX tenants_tags ON tenants USING gin (tags);

      CREATE TABLE tenant_connections (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        environment_id uuid NOT NULL REFERENCES environments(id) ON DELETE RESTRICT,
        PRIMARY KEY (tenant_id, project_id, environment_id)
      );
      CREATE INDEX tenant_connections_project_environment ON tenant_connections (project_id, environment_id);

      CREATE TABLE targets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug varchar(63) NOT NULL UNIQUE,
        name varchar(100) NOT NULL UNIQUE,
        tags text[] NOT NULL DEFAULT '{}',
        tenanted_mode varchar(16) NOT NULL DEFAULT 'untenanted' CHECK (tenanted_mode IN ('untenanted', 'tenanted', 'mixed')),
        region varchar(32) NOT NULL,
        cluster varchar(255) NOT NULL,
        credentials_type varchar(16) NOT NULL CHECK (credentials_type IN ('default', 'keys', 'assume-role', 'sandbox')),
        access_key_id varchar(128),
        secret_access_key_encrypted text,
        role_arn varchar(2048),
        external_id varchar(1224),
        endpoint varchar(2048),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE target_environments (
        target_id uuid NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
        environment_id uuid NOT NULL REFERENCES environments(id) ON DELETE RESTRICT,
        PRIMARY KEY (target_id, environment_id)
      );

      CREATE TABLE target_tenants (
        target_id uuid NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE RESTRICT,
        PRIMARY KEY (target_id, tenant_id)
      );

      CREATE TABLE variables (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        position integer NOT NULL,
        name varchar(200) NOT NULL,
        value text,
        value_encrypted text,
        sensitive boolean NOT NULL DEFAULT false,
        scope jsonb NOT NULL DEFAULT '{}',
        CHECK ((sensitive AND value IS NULL) OR (NOT sensitive AND value_encrypted IS NULL)),
        UNIQUE (project_id, position)
      );

      CREATE TABLE releases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        channel_id uuid NOT NULL REFERENCES channels(id) ON DELETE RESTRICT,
        version varchar(100) NOT NULL,
        notes text NOT NULL DEFAULT '',
        images jsonb NOT NULL,
        step jsonb NOT NULL,
        variables jsonb NOT NULL DEFAULT '[]',
        snapshot_taken_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (project_id, version)
      );
      CREATE INDEX releases_project_created ON releases (project_id, created_at DESC);

      CREATE TABLE deployments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigserial NOT NULL UNIQUE,
        release_id uuid NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        environment_id uuid NOT NULL REFERENCES environments(id) ON DELETE RESTRICT,
        tenant_id uuid REFERENCES tenants(id) ON DELETE RESTRICT,
        stack_key varchar(200) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
        cancel_requested boolean NOT NULL DEFAULT false,
        forced boolean NOT NULL DEFAULT false,
        error text,
        created_by varchar(100),
        lease_owner varchar(100),
        lease_expires_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      );
      -- Only one deployment runs per stack at a time; the claim relies on this index.
      CREATE UNIQUE INDEX deployments_one_running_per_stack ON deployments (stack_key) WHERE status = 'running';
      CREATE INDEX deployments_stack_queue ON deployments (stack_key, seq) WHERE status IN ('queued', 'running');
      CREATE INDEX deployments_release ON deployments (release_id, environment_id, tenant_id, status);
      CREATE INDEX deployments_filters ON deployments (project_id, environment_id, status, created_at DESC);

      CREATE TABLE deployment_targets (
        deployment_id uuid NOT NULL REFERENCES deployments(id) ON DELETE CASCADE,
        target_id uuid NOT NULL REFERENCES targets(id) ON DELETE RESTRICT,
        stack_name varchar(128) NOT NULL,
        status varchar(32) NOT NULL DEFAULT 'pending',
        template jsonb,
        template_hash varchar(64),
        change_set_name varchar(128),
        change_set_id varchar(2048),
        stack_id varchar(2048),
        changes jsonb,
        outputs jsonb,
        last_event_id varchar(512),
        operation_started_at timestamptz,
        error text,
        PRIMARY KEY (deployment_id, target_id)
      );

      CREATE TABLE deployment_log (
        deployment_id uuid NOT NULL REFERENCES deployments(id) ON DELETE CASCADE,
        seq integer NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        level varchar(8) NOT NULL,
        source varchar(100) NOT NULL,
        message text NOT NULL,
        PRIMARY KEY (deployment_id, seq)
      );

      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(100) NOT NULL,
        role varchar(16) NOT NULL CHECK (role IN ('admin', 'deployer', 'viewer')),
        key_hash char(64) NOT NULL UNIQUE,
        key_prefix varchar(16) NOT NULL,
        environments uuid[] NOT NULL DEFAULT '{}',
        projects uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      );

      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_key_id uuid,
        actor_name varchar(100) NOT NULL,
        method varchar(10) NOT NULL,
        route varchar(300) NOT NULL,
        resource_id varchar(100),
        status integer NOT NULL,
        outcome varchar(16) NOT NULL,
        body jsonb
      );
      CREATE INDEX audit_events_actor ON audit_events (actor_name, at DESC);
      CREATE INDEX audit_events_resource ON audit_events (resource_id, at DESC);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE IF EXISTS audit_events, api_keys, deployment_log, deployment_targets, deployments,
        releases, variables, target_tenants, target_environments, targets, tenant_connections,
        tenants, channels, projects, lifecycle_phase_environments, lifecycle_phases, lifecycles,
        environments CASCADE;
    `);
  }
}
