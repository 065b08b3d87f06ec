import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The latest version of each object in the repository, by STIX version (not by date added). This
 * view is what review-service reads when an analyst opens or decides a notice (§4.1): the object
 * as the federal entities now have it. It is the one part of this schema another service reads,
 * so the table behind it may change as long as the view keeps its columns.
 */
export class CreateLatestVersionsView1767500000000 implements MigrationInterface {
  name = 'CreateLatestVersionsView1767500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A filter on object_id reaches the DISTINCT ON subquery, so a lookup uses the (object_id, version_at) index.
    await queryRunner.query(`
      CREATE VIEW publisher.latest_versions AS
        SELECT DISTINCT ON (object_id) object_id, version, submission_id, object
          FROM publisher.object_versions
         ORDER BY object_id, version_at DESC, sequence DESC`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW publisher.latest_versions`);
  }
}
