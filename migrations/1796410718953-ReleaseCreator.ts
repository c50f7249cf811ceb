import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A release remembers who created it (key name and id): a later phase's automatic deployments,
 * queued by the worker after a success, are checked against that key's scope like the first
 * phase's. Releases from before have neither, and their automatic deployments are not limited.
 */
export class ReleaseCreator1796410718953 implements MigrationInterface {
  name = 'ReleaseCreator1796410718953';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE releases ADD COLUMN created_by varchar, ADD COLUMN created_by_key_id uuid`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE releases DROP COLUMN created_by_key_id, DROP COLUMN created_by`,
    );
  }
}
