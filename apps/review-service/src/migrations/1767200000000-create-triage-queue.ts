import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The triage queue of the manual channels (§3.2): a task of kind `triage` per web-form or e-mail
 * submission, carrying its sealed content (never the plaintext) and the log position it came from;
 * tasks are claimed before they are decided; one decision per submission (its primary key is the
 * unique constraint that stops a second decision); and every analyst action, with who did it.
 */
export class CreateTriageQueue1767200000000 implements MigrationInterface {
  name = 'CreateTriageQueue1767200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE review.tasks DROP CONSTRAINT IF EXISTS tasks_kind_check`);
    await queryRunner.query(`UPDATE review.tasks SET kind = 'triage' WHERE kind = 'manual-submission'`);
    await queryRunner.query(`ALTER TABLE review.tasks ADD CONSTRAINT tasks_kind_check CHECK (kind IN ('held-field', 'triage', 'notice'))`);
    await queryRunner.query(`ALTER TABLE review.tasks DROP CONSTRAINT IF EXISTS tasks_state_check`);
    await queryRunner.query(`
      ALTER TABLE review.tasks ADD CONSTRAINT tasks_state_check
        CHECK (state IN ('open', 'claimed', 'released', 'redacted', 'deleted', 'accepted', 'rejected', 'acknowledged'))`);
    await queryRunner.query(`ALTER TABLE review.tasks DROP CONSTRAINT IF EXISTS tasks_decision_recorded`);
    await queryRunner.query(`ALTER TABLE review.tasks ADD CONSTRAINT tasks_decision_recorded CHECK ((state IN ('open', 'claimed')) = (decided_at IS NULL))`);
    await queryRunner.query(`
      ALTER TABLE review.tasks
        ADD COLUMN claimed_by uuid,
        ADD COLUMN claimed_at timestamptz,
        ADD COLUMN submission_id uuid,
        ADD COLUMN channel text CHECK (channel IN ('web-form', 'email')),
        ADD COLUMN submission_kind text CHECK (submission_kind IN ('indicator', 'defensive-measure')),
        ADD COLUMN received_at timestamptz,
        ADD COLUMN sealed_content jsonb,
        ADD COLUMN source_topic text,
        ADD COLUMN source_partition integer,
        ADD COLUMN source_offset bigint,
        ADD CONSTRAINT tasks_claim_recorded CHECK (state <> 'claimed' OR (claimed_by IS NOT NULL AND claimed_at IS NOT NULL)),
        ADD CONSTRAINT tasks_triage_complete CHECK (
          kind <> 'triage' OR (submission_id IS NOT NULL AND channel IS NOT NULL AND submission_kind IS NOT NULL
                               AND received_at IS NOT NULL AND sealed_content IS NOT NULL)),
        ADD CONSTRAINT tasks_submission_unique UNIQUE (submission_id)`);
    await queryRunner.query(`
      CREATE TABLE review.triage_decisions (
        submission_id uuid PRIMARY KEY,
        decision text NOT NULL CHECK (decision IN ('accepted', 'rejected')),
        event_id uuid NOT NULL UNIQUE,
        decided_by uuid NOT NULL,
        decided_at timestamptz NOT NULL,
        reason text,
        recorded_from text NOT NULL CHECK (recorded_from IN ('api', 'log'))
      )`);
    await queryRunner.query(`
      CREATE TABLE review.task_actions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES review.tasks (id) ON DELETE CASCADE,
        action text NOT NULL CHECK (action IN ('view', 'claim', 'accept', 'reject')),
        principal_id uuid NOT NULL,
        at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX task_actions_task_idx ON review.task_actions (task_id, at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE review.task_actions`);
    await queryRunner.query(`DROP TABLE review.triage_decisions`);
    await queryRunner.query(`DELETE FROM review.tasks WHERE kind = 'triage' OR state = 'claimed'`);
    await queryRunner.query(`
      ALTER TABLE review.tasks
        DROP CONSTRAINT tasks_submission_unique,
        DROP CONSTRAINT tasks_triage_complete,
        DROP CONSTRAINT tasks_claim_recorded,
        DROP COLUMN claimed_by, DROP COLUMN claimed_at, DROP COLUMN submission_id, DROP COLUMN channel,
        DROP COLUMN submission_kind, DROP COLUMN received_at, DROP COLUMN sealed_content,
        DROP COLUMN source_topic, DROP COLUMN source_partition, DROP COLUMN source_offset`);
    await queryRunner.query(`ALTER TABLE review.tasks DROP CONSTRAINT tasks_decision_recorded`);
    await queryRunner.query(`ALTER TABLE review.tasks ADD CONSTRAINT tasks_decision_recorded CHECK ((state = 'open') = (decided_at IS NULL))`);
    await queryRunner.query(`ALTER TABLE review.tasks DROP CONSTRAINT tasks_state_check`);
    await queryRunner.query(`
      ALTER TABLE review.tasks ADD CONSTRAINT tasks_state_check
        CHECK (state IN ('open', 'released', 'redacted', 'deleted', 'accepted', 'rejected', 'acknowledged'))`);
    await queryRunner.query(`ALTER TABLE review.tasks DROP CONSTRAINT tasks_kind_check`);
    await queryRunner.query(`ALTER TABLE review.tasks ADD CONSTRAINT tasks_kind_check CHECK (kind IN ('held-field', 'manual-submission', 'notice'))`);
  }
}
