import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Counts per UTC day, metric and dimension (channel, STIX type …), projected from the event log. */
export class CreateDailyCounts1767100000000 implements MigrationInterface {
  name = 'CreateDailyCounts1767100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit.daily_counts (
        day date NOT NULL,
        metric text NOT NULL,
        dimension text NOT NULL,
        value bigint NOT NULL CHECK (value >= 0),
        PRIMARY KEY (day, metric, dimension)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit.daily_counts`);
  }
}
