import type { AnyEvent, EventOf, StixObject } from '@ais/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PatternReport, PatternState, ReportedIndicator } from '../enrich/enrich-together.decider';
import type { KnownVersion } from './next-version';

export type RevisionCause = 'review' | 'enrichment';

/** One indicator reported under its normalised pattern, with its first version. */
export interface NewReport extends ReportedIndicator {
  readonly version: string;
  readonly object: StixObject;
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
    await this.lockObjects(tx, [objectId]);
  }

  /** `lockObject` for each object, in the order given (callers sort them): one round trip. */
  async lockObjects(tx: EntityManager, objectIds: readonly string[]): Promise<void> {
    await tx.query(`SELECT count(pg_advisory_xact_lock(hashtextextended('publisher.object:' || id, 0))) FROM unnest($1::text[]) AS id`, [objectIds]);
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

  /** The latest known version of the object (latest STIX version, not latest added), or null. */
  async latestVersion(tx: EntityManager, objectId: string): Promise<KnownVersion | null> {
    return (await this.latestVersions(tx, [objectId], false)).get(objectId) ?? null;
  }

  /**
   * `latestVersion` of each object that has one; with `includeScreened`, also the first version
   * of a pattern's earliest indicator as enrichment saw it screened.
   */
  async latestVersions(tx: EntityManager, objectIds: readonly string[], includeScreened: boolean): Promise<Map<string, KnownVersion>> {
    const rows: { object_id: string; version: string; object: StixObject }[] = await tx.query(
      `SELECT DISTINCT ON (object_id) object_id, version, object FROM (
         SELECT object_id, version, version_at, object FROM publisher.object_versions WHERE object_id = ANY($1::text[])
         UNION ALL SELECT object_id, version, version_at, object FROM publisher.derived_versions WHERE object_id = ANY($1::text[])
         UNION ALL SELECT earliest_object_id, earliest_version, earliest_version_at, earliest_object FROM publisher.corroborations
                    WHERE earliest_object_id = ANY($1::text[]) AND $2::boolean
       ) known
       ORDER BY object_id, version_at DESC`,
      [objectIds, includeScreened],
    );
    return new Map(rows.map((row) => [row.object_id, { version: row.version, object: row.object }]));
  }

  /** Keeps the versions made, with their events, in the order given. */
  async saveDerived(tx: EntityManager, cause: RevisionCause, made: readonly { causeEventId: string; event: EventOf<'IndicatorPublished'> }[]): Promise<void> {
    if (made.length === 0) {
      return;
    }
    await tx.query(
      `INSERT INTO publisher.derived_versions (object_id, version, version_at, object, cause, cause_event_id, event)
       SELECT object_id, version, version::timestamptz, object::jsonb, $1, cause_event_id::uuid, event::jsonb
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS m(object_id, version, object, cause_event_id, event, position)
        ORDER BY position`,
      [
        cause,
        made.map(({ event }) => event.data.objectId),
        made.map(({ event }) => event.data.version),
        made.map(({ event }) => JSON.stringify(event.data.object)),
        made.map(({ causeEventId }) => causeEventId),
        made.map(({ event }) => JSON.stringify(event)),
      ],
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

  /** The state of each pattern that has one, its row locked for the transaction. */
  async corroborations(tx: EntityManager, patternKeys: readonly string[]): Promise<Map<string, PatternState>> {
    const rows: { pattern_key: string; earliest_object_id: string; earliest_submission_id: string; published_count: number; reports: PatternReport[] }[] =
      await tx.query(
        `SELECT c.pattern_key, c.earliest_object_id, c.earliest_submission_id, c.published_count,
                (SELECT coalesce(json_agg(json_build_object('objectId', r.object_id, 'submitterKey', r.submitter_key, 'confidence', r.confidence)), '[]'::json)
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

  async markCorroborationsPublished(tx: EntityManager, counts: ReadonlyMap<string, number>): Promise<void> {
    if (counts.size === 0) {
      return;
    }
    await tx.query(
      `UPDATE publisher.corroborations c SET published_count = p.count
         FROM unnest($1::text[], $2::int[]) AS p(pattern_key, count) WHERE c.pattern_key = p.pattern_key`,
      [[...counts.keys()], [...counts.values()]],
    );
  }
}
