import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every published version of every STIX object, in the order it was added (TAXII `date_added`).
 *
 * - `version` is the STIX timestamp as the object gives it; `version_at` is the same instant as a
 *   timestamp, for `match[version]` (first, last, or a timestamp in any precision).
 * - `date_added` is unique and monotonic in commit order: it is allocated from the one-row
 *   `date_added_clock` inside the projection's transaction, and that row's lock orders the commits,
 *   so a reader paging by `date_added` never misses a row committed later with an earlier value.
 */
export class CreateObjectVersions1767100000000 implements MigrationInterface {
  name = 'CreateObjectVersions1767100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE publisher.object_versions (
        sequence bigserial PRIMARY KEY,
        object_id text NOT NULL,
        version text NOT NULL,
        version_at timestamptz NOT NULL,
        type text NOT NULL,
        spec_version text NOT NULL,
        date_added timestamptz NOT NULL,
        object jsonb NOT NULL,
        submission_id uuid NOT NULL,
        CONSTRAINT object_versions_object_version_key UNIQUE (object_id, version),
        CONSTRAINT object_versions_date_added_key UNIQUE (date_added)
      )`);
    await queryRunner.query(`CREATE INDEX object_versions_object_version_at_idx ON publisher.object_versions (object_id, version_at)`);
    await queryRunner.query(`CREATE INDEX object_versions_type_date_added_idx ON publisher.object_versions (type, date_added)`);
    await queryRunner.query(`
      CREATE TABLE publisher.date_added_clock (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        last timestamptz NOT NULL
      )`);
    await queryRunner.query(`INSERT INTO publisher.date_added_clock (id, last) VALUES (true, to_timestamp(0))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE publisher.date_added_clock`);
    await queryRunner.query(`DROP TABLE publisher.object_versions`);
  }
}
