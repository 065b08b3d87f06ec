import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every status object is written pending and updated once, to success or failure. Pages kept half
 * empty let that update stay on the row's page and skip the table's two indexes (a HOT update):
 * full pages made each update write new entries in both. Applies to pages written from now on.
 */
export class StatusObjectsRoomForUpdates1767300000000 implements MigrationInterface {
  name = 'StatusObjectsRoomForUpdates1767300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE gateway.status_objects SET (fillfactor = 50)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE gateway.status_objects RESET (fillfactor)`);
  }
}
