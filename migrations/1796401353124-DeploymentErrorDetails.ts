import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A failed deployment keeps one short `error` line (lists, logs, the CLI's summary) and the
 * evidence behind it in `error_details`: stopped tasks with every essential container's exit
 * code, the failed resource, the failed rollout's service events.
 */
export class DeploymentErrorDetails1796401353124 implements MigrationInterface {
  name = 'DeploymentErrorDetails1796401353124';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE deployments ADD COLUMN error_details text`);
    await queryRunner.query(`ALTER TABLE deployment_targets ADD COLUMN error_details text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE deployment_targets DROP COLUMN error_details`);
    await queryRunner.query(`ALTER TABLE deployments DROP COLUMN error_details`);
  }
}
