import type { MigrationInterface, QueryRunner } from 'typeorm';

export const IDENTITY_SCHEMA = 'identity';

export class CreatePrincipals1767000000002 implements MigrationInterface {
  name = 'CreatePrincipals1767000000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ${IDENTITY_SCHEMA}.principals (
        id uuid PRIMARY KEY,
        username text NOT NULL UNIQUE,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('participant', 'federal-consumer', 'analyst', 'auditor', 'admin')),
        organisation text NOT NULL,
        sectors text[] NOT NULL DEFAULT '{}',
        city text,
        state text,
        country text NOT NULL,
        default_consent text NOT NULL DEFAULT 'none' CHECK (default_consent IN ('none', 'usg', 'everyone')),
        federal_entity text UNIQUE,
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${IDENTITY_SCHEMA}.principals`);
  }
}

/**
 * Principals are shared by every service that authenticates callers; ingest-gateway's admin API
 * is the only writer.
 */
export const IDENTITY_SCHEMA_OWNER = { schema: IDENTITY_SCHEMA, migrations: [CreatePrincipals1767000000002] };
