import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Numbers log lines from a counter on the deployment row. Taking MAX(seq) + 1 let two writers
 * (a deployment's targets, or two worker processes) pick the same number; the row lock of the
 * counter's UPDATE makes them take turns instead.
 */
export class DeploymentLogCounter1764200000000 implements MigrationInterface {
  name = 'DeploymentLogCounter1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE deployments ADD COLUMN log_seq integer NOT NULL DEFAULT 0;
      UPDATE deployments d SET log_seq = l.max_seq
        FROM (SELECT deployment_id, MAX(seq) AS max_seq FROM deployment_log GROUP BY deployment_id) l
       WHERE l.deployment_id = d.id;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE deployments DROP COLUMN log_seq`);
  }
}
