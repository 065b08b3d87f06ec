import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The checkpoint table of a schema's projections: the next offset to apply per consumer group
 * and partition, written in the same transaction as the projection's rows.
 */
export function checkpointMigration(schema: string): new () => MigrationInterface {
  return class CreateProjectionCheckpoints implements MigrationInterface {
    name = 'CreateProjectionCheckpoints1767000000000';

    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`
        CREATE TABLE "${schema}".projection_checkpoints (
          consumer_group text NOT NULL,
          topic text NOT NULL,
          partition integer NOT NULL,
          next_offset bigint NOT NULL,
          updated_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (consumer_group, topic, partition)
        )`);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`DROP TABLE "${schema}".projection_checkpoints`);
    }
  };
}
