import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Promotion gates and what surrounds them: deployment freezes, blocked releases, build
 * information, notification subscriptions with their delivery attempts.
 */
export class PromotionGates1796404970672 implements MigrationInterface {
  name = 'PromotionGates1796404970672';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE freezes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug varchar(63) NOT NULL UNIQUE,
        name varchar(100) NOT NULL UNIQUE,
        reason text NOT NULL DEFAULT '',
        start_at timestamptz,
        end_at timestamptz,
        recurrence jsonb,
        time_zone varchar(64) NOT NULL DEFAULT 'UTC',
        project_ids uuid[] NOT NULL DEFAULT '{}',
        environment_ids uuid[] NOT NULL DEFAULT '{}',
        tenant_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((start_at IS NOT NULL AND end_at IS NOT NULL AND end_at > start_at) OR recurrence IS NOT NULL)
      );

      ALTER TABLE releases
        ADD COLUMN blocked_reason text,
        ADD COLUMN blocked_at timestamptz,
        ADD COLUMN blocked_by varchar(100),
        ADD COLUMN build jsonb,
        ADD COLUMN work_items jsonb NOT NULL DEFAULT '[]';

      -- A queued deployment held back (by a freeze) says why and until when; an admin's override is kept.
      ALTER TABLE deployments
        ADD COLUMN hold_reason text,
        ADD COLUMN hold_until timestamptz,
        ADD COLUMN freeze_override jsonb;


      CREATE TABLE subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug varchar(63) NOT NULL UNIQUE,
        name varchar(100) NOT NULL UNIQUE,
        kind varchar(16) NOT NULL CHECK (kind IN ('webhook', 'slack', 'email')),
        events text[] NOT NULL,
        project_ids uuid[] NOT NULL DEFAULT '{}',
        environment_ids uuid[] NOT NULL DEFAULT '{}',
        tenant_tags text[] NOT NULL DEFAULT '{}',
        settings jsonb NOT NULL DEFAULT '{}',
        secrets_encrypted text NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subscription_id uuid NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
        event varchar(64) NOT NULL,
        payload jsonb NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX notifications_subscription ON notifications (subscription_id, created_at DESC);

      CREATE TABLE notification_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigserial NOT NULL UNIQUE,
        notification_id uuid NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
        subscription_id uuid NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        replay boolean NOT NULL DEFAULT false,
        outcome varchar(16) NOT NULL CHECK (outcome IN ('delivered', 'failed')),
        response_status integer,
        error text,
        duration_ms integer NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX notification_deliveries_subscription ON notification_deliveries (subscription_id, seq DESC);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE notification_deliveries;
      DROP TABLE notifications;
      DROP TABLE subscriptions;
      ALTER TABLE deployments DROP COLUMN hold_reason, DROP COLUMN hold_until, DROP COLUMN freeze_override;
      ALTER TABLE releases DROP COLUMN blocked_reason, DROP COLUMN blocked_at, DROP COLUMN blocked_by,
        DROP COLUMN build, DROP COLUMN work_items;
      DROP TABLE freezes;
    `);
  }
}
