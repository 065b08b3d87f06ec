import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Object versions (STIX id + `modified`, as submitted) that the system accepted from a
 * principal, i.e. published: a later POST of the same version by the same principal is an
 * exact duplicate, reported as a success without entering the pipeline again. Written by the
 * status projection; independent of status retention (no foreign key), kept for good.
 */
export class CreateAcceptedVersions1767200000001 implements MigrationInterface {
  name = 'CreateAcceptedVersions1767200000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE gateway.accepted_versions (
        principal_id uuid NOT NULL,
        object_id text NOT NULL,
        version text NOT NULL,
        status_id uuid NOT NULL,
        accepted_at timestamptz NOT NULL,
        PRIMARY KEY (principal_id, object_id, version)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE gateway.accepted_versions`);
  }
}
