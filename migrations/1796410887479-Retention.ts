import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention settings: a lifecycle phase keeps its newest `keep_releases` releases (null: all),
 * a project keeps its newest `keep_task_definitions` revisions of each task definition family
 * on its targets (null: Gantry deregisters none).
 */
export class Retention1796410887479 implements MigrationInterface {
  name = 'Retention1796410887479';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE lifecycle_phases ADD COLUMN keep_releases integer CHECK (keep_releases >= 1);
      ALTER TABLE projects ADD COLUMN keep_task_definitions integer CHECK (keep_task_definitions >= 1);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE projects DROP COLUMN keep_task_definitions;
      ALTER TABLE lifecycle_phases DROP COLUMN keep_releases;
    `);
  }
}
