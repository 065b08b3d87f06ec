import type { AnyEvent, EventOf, StixObject } from '@ais/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { IndicatorReport } from '../enrich/corroborate.decider';
import type { KnownVersion } from './next-version';

export type RevisionCause = 'review' | 'enrichment';

/** One indicator reported under its normalised pattern, with its first version. */
export interface NewReport {
  readonly patternKey: string;
  readonly objectId: string;
  readonly submissionId: string;
  readonly submitterKey: string;
  readonly version: string;
  readonly object: StixObject;
  readonly confidence: number | null;
}

/** The corroboration state of one normalised pattern, locked for the transaction. */
export interface CorroborationRow {
  readonly earliestObjectId: string;
  readonly earliestSubmissionId: string;
  readonly publishedCount: number;
  readonly reports: readonly IndicatorReport[];
}

/**
 * Where the stages that make new versions of published objects (review releases, enrichment)
 * read every version known of an object and remember what they made. Each input is handled in
 * one database transaction that holds an advisory lock per object id, so two revisions of one
 * object (a release and an enrichment, on different partitions or replicas) never build on the
 * same version; the versions made are kept with their events, written before the stage's Kafka
 * transaction commits, so a redelivered input sends exactly the events it sent before.
 *
 * "Known" means stored by the repository projection or made here. Enrichment may also build on
 * the first version of the earliest indicator of a pattern as it saw it screened (the projection
 * may lag behind); review may not: a release built on a version not yet on the output topic could
 * reach the topic before it (found by the federal-versions e2e test once enrichment got faster).
 */
@Injectable()
export class ObjectRevisionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The events an input already caused, in the order they were made; empty when it is new. */
  async eventsCausedBy(tx: EntityManager, causeEventId: string): Promise<AnyEvent[]> {
    const rows: { event: AnyEvent }[] = await tx.query(`SELECT event FROM publisher.derived_versions WHERE cause_event_id = $1 ORDER BY sequence`, [causeEventId]);
    return rows.map((row) => row.event);
  }

  /** Serialises revisions of one object until the transaction ends. */
  async lockObject(tx: EntityManager, objectId: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`publisher.object:${objectId}`]);
  }

  /**
   * `eventsCausedBy` for each of several inputs (only those that caused something are in the map),
   * and the patterns locked in the order given (callers sort them, so two transactions cannot
   * deadlock) until the transaction ends: one round trip.
   */
  async eventsCausedByLockingPatterns(tx: EntityManager, causeEventIds: readonly string[], patternKeys: readonly string[]): Promise<Map<string, AnyEvent[]>> {
    const rows: { locked: number; caused: Record<string, AnyEvent[]> }[] = await tx.query(
      `SELECT (SELECT count(pg_advisory_xact_lock(hashtextextended('publisher.pattern:' || key, 0))) FROM unnest($2::text[]) AS key) AS locked,
              (SELECT coalesce(json_object_agg(cause_event_id, events), '{}'::json)
                 FROM (SELECT cause_event_id, json_agg(event ORDER BY sequence) AS events
                         FROM publisher.derived_versions WHERE cause_event_id = ANY($1::uuid[]) GROUP BY cause_event_id) AS d) AS caused`,
      [causeEventIds, patternKeys],
    );
    return new Map(Object.entries(rows[0]!.caused));
  }

  /** Whether a version of the object with this timestamp (any precision) is stored or made here. */
  async hasVersion(tx: EntityManager, objectId: string, version: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM publisher.object_versions WHERE object_id = $1 AND version_at = $2::timestamptz
       UNION ALL SELECT 1 FROM publisher.derived_versions WHERE object_id = $1 AND version_at = $2::timestamptz
       LIMIT 1`,
      [objectId, version],
    );
    return rows.length > 0;
  }

  /**
   * The latest known version of the object (latest STIX version, not latest added), or null;
   * with `includeScreened`, also the first version as enrichment saw it screened.
   */
  async latestVersion(tx: EntityManager, objectId: string, includeScreened = false): Promise<KnownVersion | null> {
    const rows: { version: string; object: StixObject }[] = await tx.query(
      `SELECT version, object FROM (
         SELECT version, version_at, object FROM publisher.object_versions WHERE object_id = $1
         UNION ALL SELECT version, version_at, object FROM publisher.derived_versions WHERE object_id = $1
         UNION ALL SELECT earliest_version, earliest_version_at, earliest_object FROM publisher.corroborations WHERE earliest_object_id = $1 AND $2::boolean
       ) known
       ORDER BY version_at DESC LIMIT 1`,
      [objectId, includeScreened],
    );
    const row = rows[0];
    return row === undefined ? null : { version: row.version, object: row.object };
  }

  async saveDerived(tx: EntityManager, cause: RevisionCause, causeEventId: string, event: EventOf<'IndicatorPublished'>): Promise<void> {
    await tx.query(
      `INSERT INTO publisher.derived_versions (object_id, version, version_at, object, cause, cause_event_id, event)
       VALUES ($1, $2::text, $2::text::timestamptz, $3::jsonb, $4, $5, $6::jsonb)`,
      [event.data.objectId, event.data.version, JSON.stringify(event.data.object), cause, causeEventId, JSON.stringify(event)],
    );
  }

  /**
   * Records indicators under their patterns; the first indicator of a pattern (in the order given)
   * becomes its earliest, with its first version. Idempotent: an object id is recorded once per pattern.
   */
  async recordReports(tx: EntityManager, reports: readonly NewReport[]): Promise<void> {
    const column = <K extends keyof NewReport>(key: K) => reports.map((report) => report[key]);
    // Both inserts in one statement: neither reads what the other writes.
    await tx.query(
      `WITH r AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::smallint[])
           WITH ORDINALITY AS r(pattern_key, object_id, submission_id, version, object, submitter_key, confidence, position)
       ), corroboration AS (
         INSERT INTO publisher.corroborations (pattern_key, earliest_object_id, earliest_submission_id, earliest_version, earliest_version_at, earliest_object)
         SELECT pattern_key, object_id, submission_id::uuid, version, version::timestamptz, object::jsonb FROM r ORDER BY position
         ON CONFLICT (pattern_key) DO NOTHING
       )
       INSERT INTO publisher.indicator_reports (pattern_key, object_id, submission_id, submitter_key, confidence)
       SELECT pattern_key, object_id, submission_id::uuid, submitter_key, confidence FROM r
       ON CONFLICT (pattern_key, object_id) DO NOTHING`,
      [
        column('patternKey'),
        column('objectId'),
        column('submissionId'),
        column('version'),
        reports.map((report) => JSON.stringify(report.object)),
        column('submitterKey'),
        column('confidence'),
      ],
    );
  }

  /** The corroboration state of each pattern that has one, its rows locked for the transaction. */
  async corroborations(tx: EntityManager, patternKeys: readonly string[]): Promise<Map<string, CorroborationRow>> {
    const rows: { pattern_key: string; earliest_object_id: string; earliest_submission_id: string; published_count: number; reports: IndicatorReport[] }[] =
      await tx.query(
        `SELECT c.pattern_key, c.earliest_object_id, c.earliest_submission_id, c.published_count,
                (SELECT coalesce(json_agg(json_build_object('submitterKey', r.submitter_key, 'confidence', r.confidence)), '[]'::json)
                   FROM publisher.indicator_reports r WHERE r.pattern_key = c.pattern_key) AS reports
           FROM publisher.corroborations c
          WHERE c.pattern_key = ANY($1::text[]) ORDER BY c.pattern_key FOR UPDATE OF c`,
        [patternKeys],
      );
    return new Map(
      rows.map((row) => [
        row.pattern_key,
        { earliestObjectId: row.earliest_object_id, earliestSubmissionId: row.earliest_submission_id, publishedCount: row.published_count, reports: row.reports },
      ]),
    );
  }

  async markCorroborationPublished(tx: EntityManager, patternKey: string, count: number): Promise<void> {
    await tx.query(`UPDATE publisher.corroborations SET published_count = $2 WHERE pattern_key = $1`, [patternKey, count]);
  }
}
