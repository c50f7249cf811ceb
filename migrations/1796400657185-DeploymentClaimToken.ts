import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A fencing counter per deployment: every claim (first start or re-attach) takes the next
 * number, and a runner's writes (progress, log lines, the outcome) only land while the number is
 * still its own. A runner that was superseded (its lease lapsed during a stall and another took
 * over) finds out at its next write and stops.
 */
export class DeploymentClaimToken1796400657185 implements MigrationInterface {
  name = 'DeploymentClaimToken1796400657185';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE deployments ADD COLUMN claim_token integer NOT NULL DEFAULT 0`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE deployments DROP COLUMN claim_token`);
  }
}
