import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The held-field queue (§2.3.2.2): one `held-field` task per object version whose fields
 * pii-filter withheld, with what was held (path, detector, reason — never a value), the sealed
 * values exactly as they came (under a key of their own, destroyed once decided) and the log
 * position they came from. A task is the decision unit of issue 5: it starts `open` and ends
 * `released`, `redacted` or `deleted`; the object version it holds fields of is what the next
 * version must follow.
 *
 * One task per submission, object and version: a redelivered `FieldsHeld` (same event id) and a
 * re-screened one (a new event id, same object version) both find the task already there. The
 * object id alone is not unique: observables have deterministic ids, so two submissions can hold
 * fields of the same SCO, each under its own seal.
 */
export class CreateHeldFieldTasks1767300000000 implements MigrationInterface {
  name = 'CreateHeldFieldTasks1767300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE review.held_field_tasks (
        task_id uuid PRIMARY KEY REFERENCES review.tasks (id) ON DELETE CASCADE,
        event_id uuid NOT NULL,
        submission_id uuid NOT NULL,
        object_id text NOT NULL,
        object_type text NOT NULL,
        object_version text NOT NULL,
        fields jsonb NOT NULL CHECK (jsonb_typeof(fields) = 'array' AND jsonb_array_length(fields) > 0),
        sealed_values jsonb NOT NULL CHECK (jsonb_typeof(sealed_values) = 'object' AND sealed_values ? 'keyId' AND sealed_values ? 'ciphertext'),
        held_at timestamptz NOT NULL,
        source_topic text NOT NULL,
        source_partition integer NOT NULL,
        source_offset bigint NOT NULL,
        CONSTRAINT held_field_tasks_event_unique UNIQUE (event_id),
        CONSTRAINT held_field_tasks_object_version_unique UNIQUE (submission_id, object_id, object_version)
      )`);
    await queryRunner.query(`CREATE INDEX held_field_tasks_object_idx ON review.held_field_tasks (object_id, object_version)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE review.held_field_tasks`);
    await queryRunner.query(`DELETE FROM review.tasks WHERE kind = 'held-field'`);
  }
}
