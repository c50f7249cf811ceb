import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counts the unexpected errors a deployment's workers ran into. Each one hands the deployment to
 * the next attempt; past a few, the deployment fails with the last error instead of being handed
 * from worker to worker forever.
 */
export class DeploymentWorkerErrors1764300000000 implements MigrationInterface {
  name = 'DeploymentWorkerErrors1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE deployments ADD COLUMN worker_errors integer NOT NULL DEFAULT 0`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE deployments DROP COLUMN worker_errors`);
  }
}
