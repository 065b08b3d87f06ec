import { isRetriable } from '@ais/messaging';
import { Coalescer, compareKeys } from '@ais/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** What the anonymizer keeps of one submission for contact requests: its consent, sealed submitter and objects. */
export interface SubmissionRecord {
  readonly submissionId: string;
  readonly consent: string;
  readonly creatorId: string;
  /** HMAC of the submitter's principal id; null for a submission without one. */
  readonly submitterRef: string | null;
  /** The sealed submitter identity as JSON; null for a submission without one. */
  readonly sealedSubmitter: string | null;
  readonly objectIds: readonly string[];
}

/**
 * Writes the records of the submissions a stage batch handles side by side in one statement: one
 * round trip and one commit for the batch, not one each (the anonymizer's inserts were one in
 * every ten of the system's statements at the benchmark's maximum). Idempotent: a redelivered
 * submission finds its rows and changes nothing.
 *
 * When PostgreSQL refuses the shared statement, each record is written again on its own: a record
 * it refuses fails alone (and is dead-lettered alone), not with the records it happened to share a
 * statement with.
 */
@Injectable()
export class SubmissionRecordsRepository {
  // A transient failure (the database away) would fail each record alone too: the stage retries.
  private readonly writes = new Coalescer<SubmissionRecord, void>((records) => this.writeAll(records), { retryAloneWhen: (error) => !isRetriable(error) });

  constructor(private readonly dataSource: DataSource) {}

  /** Resolves once the record is stored. */
  remember(record: SubmissionRecord): Promise<void> {
    return this.writes.submit(record);
  }

  private async writeAll(records: readonly SubmissionRecord[]): Promise<void[]> {
    const submissions = [...records].sort((a, b) => compareKeys(a.submissionId, b.submissionId));
    const objects = records
      .flatMap((record) => record.objectIds.map((objectId) => ({ objectId, submissionId: record.submissionId })))
      .sort((a, b) => compareKeys(a.objectId, b.objectId) || compareKeys(a.submissionId, b.submissionId));
    // One statement, so a submission's rows are written together or not at all.
    await this.dataSource.query(
      `WITH submission AS (
         INSERT INTO anonymizer.submissions (submission_id, consent, creator_id, submitter_ref, sealed_submitter)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[])
         ON CONFLICT (submission_id) DO NOTHING
       )
       INSERT INTO anonymizer.submission_objects (object_id, submission_id)
       SELECT * FROM unnest($6::text[], $7::uuid[]) ON CONFLICT DO NOTHING`,
      [
        submissions.map((s) => s.submissionId),
        submissions.map((s) => s.consent),
        submissions.map((s) => s.creatorId),
        submissions.map((s) => s.submitterRef),
        submissions.map((s) => s.sealedSubmitter),
        objects.map((o) => o.objectId),
        objects.map((o) => o.submissionId),
      ],
    );
    return records.map(() => undefined);
  }
}
