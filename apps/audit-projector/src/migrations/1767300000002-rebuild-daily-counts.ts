import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 6 redefines the counts (new metrics from more events; personal information removed now
 * counted from FieldsHeld, one per object) and reads them with a new consumer group
 * (`audit-projector.audit`), which starts at offset 0: the old rows and checkpoints go, and the
 * counts are rebuilt from the log.
 */
export function rebuildDailyCounts(schema: string): new () => MigrationInterface {
  return class RebuildDailyCounts implements MigrationInterface {
    name = 'RebuildDailyCounts1767300000002';

    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`TRUNCATE "${schema}".daily_counts`);
      await queryRunner.query(`DELETE FROM "${schema}".projection_checkpoints`);
    }

    down(): Promise<void> {
      // Nothing to restore: the counts are a projection of the log.
      return Promise.resolve();
    }
  };
}
