import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `GET /api/deployments?release=` pages a release's deployments newest first (`created_at`,
 * then `seq`): this index reads a page in that order without sorting every deployment of the
 * release (a 1,000-tenant release queues 1,000 at once).
 */
export class ReleaseDeploymentsIndex1796423286277 implements MigrationInterface {
  name = 'ReleaseDeploymentsIndex1796423286277';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX deployments_release_created ON deployments (release_id, created_at DESC, seq DESC)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX deployments_release_created');
  }
}
