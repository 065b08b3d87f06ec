import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notices (§4.1): a federal entity's notice that a published object still holds personal
 * information becomes a `notice` task (its id is the notice id) with the object, the version and
 * the paths named — never a value. It ends `deleted` (fields removed), `redacted` (some redacted)
 * or `rejected` (dismissed as unfounded).
 *
 * `published_objects` is the latest published version of each object, projected from
 * `IndicatorPublished`: the analyst reads the notice against what the federal entities now see,
 * and the decision names that version and its submission.
 */
export class CreateNoticeTasks1767450000000 implements MigrationInterface {
  name = 'CreateNoticeTasks1767450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE review.notice_tasks (
        task_id uuid PRIMARY KEY REFERENCES review.tasks (id) ON DELETE CASCADE,
        event_id uuid NOT NULL UNIQUE,
        object_id text NOT NULL,
        object_version text NOT NULL,
        federal_entity text NOT NULL,
        filed_by uuid NOT NULL,
        paths jsonb NOT NULL CHECK (jsonb_typeof(paths) = 'array'),
        filed_at timestamptz NOT NULL,
        source_topic text NOT NULL,
        source_partition integer NOT NULL,
        source_offset bigint NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX notice_tasks_object_idx ON review.notice_tasks (object_id)`);
    await queryRunner.query(`
      CREATE TABLE review.published_objects (
        object_id text PRIMARY KEY,
        version text NOT NULL,
        submission_id uuid NOT NULL,
        object jsonb NOT NULL CHECK (jsonb_typeof(object) = 'object'),
        published_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE review.published_objects`);
    await queryRunner.query(`DROP TABLE review.notice_tasks`);
    await queryRunner.query(`DELETE FROM review.tasks WHERE kind = 'notice'`);
  }
}
