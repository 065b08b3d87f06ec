import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the stages that make new versions of published objects (review releases, enrichment)
 * remember, written before their Kafka transaction commits:
 *
 * - `derived_versions`: every version they made, with the event that carries it. A redelivered
 *   input finds its versions by `cause_event_id` and sends the same events again; the next
 *   revision of an object builds on it even before the repository projection has stored it.
 * - `corroborations`: one row per normalised STIX pattern (SHA-256 as the key): the earliest
 *   indicator reported with it, that indicator's first version (its base until the repository
 *   has it), and the count its last enriched version carried.
 * - `indicator_reports`: each indicator reported with a pattern, once per object id, with its
 *   submitter's key (a hash of sector(s) and approximate location) and stated confidence.
 */
export class CreateRevisions1767300000000 implements MigrationInterface {
  name = 'CreateRevisions1767300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE publisher.derived_versions (
        object_id text NOT NULL,
        version text NOT NULL,
        version_at timestamptz NOT NULL,
        object jsonb NOT NULL,
        cause text NOT NULL CHECK (cause IN ('review', 'enrichment')),
        cause_event_id uuid NOT NULL,
        event jsonb NOT NULL,
        sequence bigserial NOT NULL,
        CONSTRAINT derived_versions_pkey PRIMARY KEY (object_id, version)
      )`);
    await queryRunner.query(`CREATE INDEX derived_versions_cause_idx ON publisher.derived_versions (cause_event_id)`);
    await queryRunner.query(`
      CREATE TABLE publisher.corroborations (
        pattern_key text PRIMARY KEY,
        earliest_object_id text NOT NULL,
        earliest_submission_id uuid NOT NULL,
        earliest_version text NOT NULL,
        earliest_version_at timestamptz NOT NULL,
        earliest_object jsonb NOT NULL,
        published_count integer NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(`CREATE INDEX corroborations_earliest_object_idx ON publisher.corroborations (earliest_object_id)`);
    await queryRunner.query(`
      CREATE TABLE publisher.indicator_reports (
        pattern_key text NOT NULL REFERENCES publisher.corroborations (pattern_key),
        object_id text NOT NULL,
        submission_id uuid NOT NULL,
        submitter_key text NOT NULL,
        confidence smallint,
        CONSTRAINT indicator_reports_pkey PRIMARY KEY (pattern_key, object_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE publisher.indicator_reports`);
    await queryRunner.query(`DROP TABLE publisher.corroborations`);
    await queryRunner.query(`DROP TABLE publisher.derived_versions`);
  }
}
