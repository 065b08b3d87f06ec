import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The backlog gauges (open tasks and the oldest one's age, per kind) are read at every scrape:
 * a partial index over undecided tasks only keeps that an index-only scan of the open queue,
 * however many decided tasks the table has gathered.
 */
export class IndexUndecidedTasks1767470000000 implements MigrationInterface {
  name = 'IndexUndecidedTasks1767470000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX tasks_undecided_kind_created_at_idx ON review.tasks (kind, created_at) WHERE decided_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX review.tasks_undecided_kind_created_at_idx`);
  }
}
