import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which submission published each first version (object id and STIX version, as the object gives
 * it) on `ais.dissemination.published`. The publish stage claims a version here before it sends
 * it: a version claimed by another submission (a client's retry after a lost answer, the same
 * bundle POSTed twice at once, another participant relaying the same object) is not sent again;
 * one claimed by the same submission is its own redelivery, and is sent again.
 */
export class CreatePublishedVersions1767600000000 implements MigrationInterface {
  name = 'CreatePublishedVersions1767600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE publisher.published_versions (
        object_id text NOT NULL,
        version text NOT NULL,
        submission_id uuid NOT NULL,
        PRIMARY KEY (object_id, version)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE publisher.published_versions`);
  }
}
