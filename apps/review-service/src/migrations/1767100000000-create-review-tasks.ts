import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The review queue. A task is open until an analyst decides it; the decision is its final state.
 * Sealed values and task details arrive with issue 5, in tables of their own.
 */
export class CreateReviewTasks1767100000000 implements MigrationInterface {
  name = 'CreateReviewTasks1767100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE review.tasks (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('held-field', 'manual-submission', 'notice')),
        state text NOT NULL CHECK (state IN ('open', 'released', 'redacted', 'deleted', 'accepted', 'rejected', 'acknowledged')),
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz,
        decided_by uuid,
        CONSTRAINT tasks_decision_recorded CHECK ((state = 'open') = (decided_at IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX tasks_state_created_at_idx ON review.tasks (state, created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE review.tasks`);
  }
}
