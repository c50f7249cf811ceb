import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shows nothing of an operator-chosen API key (the bootstrap key): only generated keys keep
 * their recognisable `gnt_` prefix. Key hashes move to HMAC under the master key as each key is
 * next used (the API does it; SQL has no master key).
 */
export class OperatorKeyPrefixes1796399014564 implements MigrationInterface {
  name = 'OperatorKeyPrefixes1796399014564';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE api_keys SET key_prefix = '' WHERE key_prefix NOT LIKE 'gnt\\_%'`,
    );
  }

  async down(): Promise<void> {
    // The hidden prefixes cannot be brought back: only hashes of the keys are stored.
  }
}
