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
 * A principal may be reached by a TLS client certificate (mTLS on ingest-gateway's HTTPS
 * listener): the SHA-256 fingerprint of the certificate, 64 lowercase hex digits, at most one
 * principal per certificate.
 */
export class AddClientCertificates1767200000000 implements MigrationInterface {
  name = 'AddClientCertificates1767200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE ${IDENTITY_SCHEMA}.principals
        ADD COLUMN client_certificate_sha256 text UNIQUE CHECK (client_certificate_sha256 ~ '^[0-9a-f]{64}$')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE ${IDENTITY_SCHEMA}.principals DROP COLUMN client_certificate_sha256`);
  }
}

/**
 * Principals are shared by every service that authenticates callers; ingest-gateway's admin API
 * is the only writer.
 */
export const IDENTITY_SCHEMA_OWNER = { schema: IDENTITY_SCHEMA, migrations: [CreatePrincipals1767000000002, AddClientCertificates1767200000000] };
