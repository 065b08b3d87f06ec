import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deliveries on the output topic per federal entity, as Kafka reports them: the committed offset of
 * each entity's consumer group (`federal.<entity>.<name>`) per partition, now and at the end of
 * each day polled. Polled from Kafka's admin API, not projected from events: the replay leaves it out.
 */
export function createFederalDeliveries(schema: string): new () => MigrationInterface {
  return class CreateFederalDeliveries implements MigrationInterface {
    name = 'CreateFederalDeliveries1767300000001';

    async up(queryRunner: QueryRunner): Promise<void> {
      const s = `"${schema}"`;
      await queryRunner.query(`
        CREATE TABLE ${s}.federal_consumer_offsets (
          consumer_group text NOT NULL,
          topic text NOT NULL,
          partition integer NOT NULL,
          entity text NOT NULL,
          committed_offset bigint NOT NULL,
          end_offset bigint NOT NULL,
          polled_at timestamptz NOT NULL,
          PRIMARY KEY (consumer_group, topic, partition)
        )`);
      await queryRunner.query(`
        CREATE TABLE ${s}.federal_delivery_days (
          day date NOT NULL,
          consumer_group text NOT NULL,
          topic text NOT NULL,
          partition integer NOT NULL,
          entity text NOT NULL,
          committed_offset bigint NOT NULL,
          PRIMARY KEY (day, consumer_group, topic, partition)
        )`);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`DROP TABLE "${schema}".federal_delivery_days`);
      await queryRunner.query(`DROP TABLE "${schema}".federal_consumer_offsets`);
    }
  };
}
