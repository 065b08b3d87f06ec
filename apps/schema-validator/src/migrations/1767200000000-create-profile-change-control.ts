import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The AIS Profile and its change control, as a projection of `ais.profile.changes.v1` (the log is
 * the record; these tables are rebuilt from it by replay):
 *
 * - `profile_versions`: every published version in full; the stage validates against the highest.
 * - `profile_proposals`: each proposal's current state (the decider's `Proposal`, as JSON).
 * - `profile_change_events`: every board event in log order, for a proposal's history; a
 *   version's content is not repeated here.
 */
export class CreateProfileChangeControl1767200000000 implements MigrationInterface {
  name = 'CreateProfileChangeControl1767200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE validator.profile_versions (
        version integer PRIMARY KEY CHECK (version >= 1),
        content jsonb NOT NULL,
        cause text NOT NULL CHECK (cause IN ('baseline', 'proposal', 'emergency')),
        cause_id uuid,
        published_at timestamptz NOT NULL,
        event_id uuid NOT NULL UNIQUE
      )`);
    await queryRunner.query(`
      CREATE TABLE validator.profile_proposals (
        proposal_id uuid PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('open', 'objected', 'escalated', 'accepted', 'withdrawn')),
        state jsonb NOT NULL,
        proposed_at timestamptz NOT NULL,
        objection_deadline timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        last_event_id uuid NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX profile_proposals_status_idx ON validator.profile_proposals (status, objection_deadline)`);
    await queryRunner.query(`
      CREATE TABLE validator.profile_change_events (
        sequence bigserial PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        type text NOT NULL,
        subject_id text NOT NULL,
        occurred_at timestamptz NOT NULL,
        data jsonb NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX profile_change_events_subject_idx ON validator.profile_change_events (subject_id, sequence)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE validator.profile_change_events`);
    await queryRunner.query(`DROP TABLE validator.profile_proposals`);
    await queryRunner.query(`DROP TABLE validator.profile_versions`);
  }
}
