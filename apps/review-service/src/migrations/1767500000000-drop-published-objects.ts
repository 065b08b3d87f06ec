import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notices read the object they name from version-publisher's repository
 * (`publisher.latest_versions`), so review-service no longer keeps its own copy of every
 * published object. Undoing this recreates the table empty: only replaying the notices
 * projection from the start of the published topic, with the code that wrote it, would refill it.
 */
export class DropPublishedObjects1767500000000 implements MigrationInterface {
  name = 'DropPublishedObjects1767500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE review.published_objects`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE review.published_objects (
        object_id text PRIMARY KEY,
        version text NOT NULL,
        submission_id uuid NOT NULL,
        object jsonb NOT NULL CHECK (jsonb_typeof(object) = 'object'),
        published_at timestamptz NOT NULL
      )`);
  }
}
