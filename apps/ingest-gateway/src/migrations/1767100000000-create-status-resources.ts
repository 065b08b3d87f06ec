import type { MigrationInterface, QueryRunner } from 'typeorm';

/** TAXII status resources: one per accepted POST, one row per object it carried. */
export class CreateStatusResources1767100000000 implements MigrationInterface {
  name = 'CreateStatusResources1767100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE gateway.status_resources (
        id uuid PRIMARY KEY,
        principal_id uuid NOT NULL,
        total_count integer NOT NULL,
        request_timestamp timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE gateway.status_objects (
        status_id uuid NOT NULL REFERENCES gateway.status_resources (id) ON DELETE CASCADE,
        position integer NOT NULL,
        object_id text,
        version text,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'success', 'failure')),
        message text,
        PRIMARY KEY (status_id, position)
      )`);
    await queryRunner.query(`CREATE INDEX status_objects_by_object ON gateway.status_objects (status_id, object_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE gateway.status_objects`);
    await queryRunner.query(`DROP TABLE gateway.status_resources`);
  }
}
