import { MigrationInterface, QueryRunner } from 'typeorm';

/** The common fields of the one step every project of the single-step model becomes. */
const LEGACY_STEP = `jsonb_build_object(
  'name', 'Service', 'slug', 'service', 'kind', 'ecs-service',
  'environments', '[]'::jsonb, 'excludeEnvironments', '[]'::jsonb, 'tenantTags', '[]'::jsonb,
  'channels', '[]'::jsonb, 'parallelWithPrevious', false, 'legacyStackName', true)`;

/**
 * Deployment processes (issue 12): a project and a release carry `steps` instead of one `step`.
 * Every existing project and release gets one `ecs-service` step `service` that keeps the
 * single-step stack names (`legacyStackName`), so no live stack is renamed; release images are
 * keyed `<step>/<container>`. A deployment's targets belong to a step, and each deployment has a
 * row per step (its status, why it was skipped, kind-specific details such as an approval).
 */
export class DeploymentProcess1796413016849 implements MigrationInterface {
  name = 'DeploymentProcess1796413016849';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE projects ADD COLUMN steps jsonb;
      UPDATE projects SET steps = jsonb_build_array(${LEGACY_STEP} || step);
      ALTER TABLE projects ALTER COLUMN steps SET NOT NULL, DROP COLUMN step;

      ALTER TABLE releases ADD COLUMN steps jsonb;
      UPDATE releases SET steps = jsonb_build_array(${LEGACY_STEP} || step),
        images = (SELECT COALESCE(jsonb_object_agg('service/' || key, value), '{}'::jsonb) FROM jsonb_each(images));
      ALTER TABLE releases ALTER COLUMN steps SET NOT NULL, DROP COLUMN step;

      ALTER TABLE deployment_targets ADD COLUMN step_slug varchar(63) NOT NULL DEFAULT 'service';
      ALTER TABLE deployment_targets ALTER COLUMN step_slug DROP DEFAULT;
      ALTER TABLE deployment_targets DROP CONSTRAINT deployment_targets_pkey,
        ADD PRIMARY KEY (deployment_id, step_slug, target_id);

      CREATE TABLE deployment_steps (
        deployment_id uuid NOT NULL REFERENCES deployments(id) ON DELETE CASCADE,
        slug varchar(63) NOT NULL,
        position integer NOT NULL,
        kind varchar(64) NOT NULL,
        status varchar(32) NOT NULL DEFAULT 'pending',
        reason text,
        error text,
        details jsonb,
        started_at timestamptz,
        finished_at timestamptz,
        PRIMARY KEY (deployment_id, slug)
      );
      INSERT INTO deployment_steps (deployment_id, slug, position, kind, status, error, started_at, finished_at)
        SELECT id, 'service', 0, 'ecs-service',
               CASE status WHEN 'queued' THEN 'pending' ELSE status END,
               error, started_at, finished_at
          FROM deployments;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE deployment_steps;
      DELETE FROM deployment_targets WHERE step_slug <> (
        SELECT r.steps->0->>'slug' FROM deployments d JOIN releases r ON r.id = d.release_id
         WHERE d.id = deployment_targets.deployment_id);
      ALTER TABLE deployment_targets DROP CONSTRAINT deployment_targets_pkey,
        ADD PRIMARY KEY (deployment_id, target_id), DROP COLUMN step_slug;

      ALTER TABLE releases ADD COLUMN step jsonb;
      UPDATE releases SET step = (steps->0) - ARRAY['name', 'slug', 'kind', 'environments',
          'excludeEnvironments', 'tenantTags', 'channels', 'parallelWithPrevious', 'legacyStackName'],
        images = (SELECT COALESCE(jsonb_object_agg(split_part(key, '/', 2), value), '{}'::jsonb)
                    FROM jsonb_each(images) WHERE split_part(key, '/', 1) = steps->0->>'slug');
      ALTER TABLE releases ALTER COLUMN step SET NOT NULL, DROP COLUMN steps;

      ALTER TABLE projects ADD COLUMN step jsonb;
      UPDATE projects SET step = (steps->0) - ARRAY['name', 'slug', 'kind', 'environments',
          'excludeEnvironments', 'tenantTags', 'channels', 'parallelWithPrevious', 'legacyStackName'];
      ALTER TABLE projects ALTER COLUMN step SET NOT NULL, DROP COLUMN steps;
    `);
  }
}
