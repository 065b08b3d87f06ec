import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a status resource completed (no object pending any more): the clock its retention runs
 * on. Statuses already complete when this runs count as completing now, so none of them goes
 * sooner than the retention promises.
 */
export class AddStatusCompletion1767200000000 implements MigrationInterface {
  name = 'AddStatusCompletion1767200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE gateway.status_resources ADD COLUMN completed_at timestamptz`);
    await queryRunner.query(`
      UPDATE gateway.status_resources r SET completed_at = now()
      WHERE NOT EXISTS (SELECT 1 FROM gateway.status_objects o WHERE o.status_id = r.id AND o.state = 'pending')`);
    await queryRunner.query(`CREATE INDEX status_resources_by_completion ON gateway.status_resources (completed_at) WHERE completed_at IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX gateway.status_resources_by_completion`);
    await queryRunner.query(`ALTER TABLE gateway.status_resources DROP COLUMN completed_at`);
  }
}
