import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counts per UTC day, metric and dimension (channel, STIX type …), projected from the event log.
 * A factory: the replay builds the same tables in a schema of its own.
 */
export function createDailyCounts(schema: string): new () => MigrationInterface {
  return class CreateDailyCounts implements MigrationInterface {
    name = 'CreateDailyCounts1767100000000';

    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`
        CREATE TABLE "${schema}".daily_counts (
          day date NOT NULL,
          metric text NOT NULL,
          dimension text NOT NULL,
          value bigint NOT NULL CHECK (value >= 0),
          PRIMARY KEY (day, metric, dimension)
        )`);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`DROP TABLE "${schema}".daily_counts`);
    }
  };
}
