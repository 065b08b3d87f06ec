import type { MigrationInterface, QueryRunner } from 'typeorm';
import { KEYSTORE_SCHEMA } from './postgres-key.store';

export class CreateDataKeys1767000000001 implements MigrationInterface {
  name = 'CreateDataKeys1767000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ${KEYSTORE_SCHEMA}.data_keys (
        key_id uuid PRIMARY KEY,
        iv bytea NOT NULL,
        tag bytea NOT NULL,
        wrapped_key bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${KEYSTORE_SCHEMA}.data_keys`);
  }
}

/** The key store's schema, migrated by every service that seals or opens. */
export const KEYSTORE_SCHEMA_OWNER = { schema: KEYSTORE_SCHEMA, migrations: [CreateDataKeys1767000000001] };
