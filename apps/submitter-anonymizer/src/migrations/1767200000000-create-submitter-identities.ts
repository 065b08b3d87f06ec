import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which submission each published object came from, and the submitter's identity for it, sealed:
 * what a contact request needs, and nothing readable without the identity's key.
 */
export class CreateSubmitterIdentities1767200000000 implements MigrationInterface {
  name = 'CreateSubmitterIdentities1767200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE anonymizer.submissions (
        submission_id uuid PRIMARY KEY,
        consent text NOT NULL,
        creator_id text NOT NULL,
        -- HMAC of the submitter's principal id: finds a participant's requests, names nobody.
        submitter_ref text,
        sealed_submitter jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE anonymizer.submission_objects (
        object_id text NOT NULL,
        submission_id uuid NOT NULL REFERENCES anonymizer.submissions (submission_id),
        PRIMARY KEY (object_id, submission_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE anonymizer.contact_requests (
        id uuid PRIMARY KEY,
        object_id text NOT NULL,
        submission_id uuid NOT NULL REFERENCES anonymizer.submissions (submission_id),
        federal_entity text NOT NULL,
        requested_by uuid NOT NULL,
        requested_at timestamptz NOT NULL,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'granted', 'denied')),
        answered_by uuid,
        answered_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX submissions_by_submitter ON anonymizer.submissions (submitter_ref)`);
    await queryRunner.query(`CREATE INDEX contact_requests_by_submission ON anonymizer.contact_requests (submission_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE anonymizer.contact_requests`);
    await queryRunner.query(`DROP TABLE anonymizer.submission_objects`);
    await queryRunner.query(`DROP TABLE anonymizer.submissions`);
  }
}
