import { buildEvent, derivedUuid, type AnyEvent, type EventOf, type StixObject } from '@ais/contracts';
import { consumes, type StageContext } from '@ais/messaging';
import { Coalescer } from '@ais/persistence';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import { versionOf } from '../publish/publish-indicators.decider';
import type { KnownVersion } from '../revise/next-version';
import { ObjectRevisionsRepository, type NewReport } from '../revise/object-revisions.repository';
import { RevisionsMetrics } from '../revise/revisions.metrics';
import { patternKeyOf, statedConfidence, submitterKeyOf } from './corroborate.decider';
import { enrichTogether, objectsThatMayBeEnriched, patternKeysOf, type EnrichedVersion } from './enrich-together.decider';

export const ENRICH_GROUP = 'version-publisher.enrich';
const PRODUCER = 'version-publisher';

interface Report {
  readonly patternKey: string;
  readonly object: StixObject;
}

/** One screened submission with indicators to record, as its handler received it. */
interface Screened {
  readonly event: EventOf<'SubmissionScreened'>;
  readonly reports: readonly Report[];
  readonly context: StageContext;
}

interface Outcome {
  readonly replayed: boolean;
  readonly events: AnyEvent[];
}

/** Submissions enriched in one database transaction at most; a stage batch gives 16 per partition. */
const MAX_SUBMISSIONS_PER_TRANSACTION = 64;

/**
 * §2.3.2.3 enrichment as a transactional stage of its own group over `ais.pipeline.screened`, so
 * first publications never wait on it: each indicator with a STIX pattern is recorded under its
 * normalised pattern, and when more submitters report a pattern than its earliest indicator's
 * last enriched version says, that indicator gets a new version with the count and a confidence.
 *
 * The submissions handled at once (the stage's records side by side) share one database
 * transaction and a few statements, whatever their number: a transaction of five round trips per
 * submission, each committed, held enrichment to 20-30 submissions a second, behind the ~100 a
 * second screened at the pipeline's maximum. The transaction locks every pattern of all of them
 * in key order (so two transactions cannot deadlock) and reads what any of them caused before (a
 * redelivered submission sends again what it sent); for the others it reads their patterns'
 * state, records their reports, locks and reads the indicators they may enrich, and decides
 * (`enrichTogether`) what one transaction after another, in screening order, would have. When
 * the shared transaction fails, each submission is tried again alone, so one that cannot be
 * handled fails only itself.
 */
@Controller()
export class EnrichIndicatorsAdapter {
  private readonly together = new Coalescer<Screened, PromiseSettledResult<Outcome>>((batch) => this.enrichTogether(batch), { maxBatch: MAX_SUBMISSIONS_PER_TRANSACTION });

  constructor(
    private readonly repository: ObjectRevisionsRepository,
    private readonly metrics: RevisionsMetrics,
  ) {}

  @EventPattern(consumes(ENRICH_GROUP, 'SubmissionScreened'))
  async enrich(@Payload() event: EventOf<'SubmissionScreened'>, @Ctx() context: StageContext): Promise<AnyEvent[]> {
    const reports = event.data.objects.flatMap((object): Report[] => {
      const patternKey = patternKeyOf(object);
      return patternKey === null ? [] : [{ patternKey, object }];
    });
    if (reports.length === 0) {
      return [];
    }
    const settled = await this.together.submit({ event, reports, context });
    if (settled.status === 'rejected') {
      throw settled.reason;
    }
    const { replayed, events } = settled.value;
    if (replayed) {
      this.metrics.count('enrichment', 'replayed', events.length);
    } else {
      this.metrics.count('enrichment', 'published', events.length);
      this.metrics.count('enrichment', 'unchanged', patternKeysOf(reports).length - events.length);
    }
    return events;
  }

  private async enrichTogether(batch: readonly Screened[]): Promise<PromiseSettledResult<Outcome>[]> {
    try {
      const outcomes = await this.repository.transaction((tx) => this.handleAll(tx, batch));
      return outcomes.map((value) => ({ status: 'fulfilled', value }));
    } catch (error) {
      if (batch.length === 1) {
        return [{ status: 'rejected', reason: error }];
      }
      const alone: PromiseSettledResult<Outcome>[] = [];
      for (const screened of batch) {
        alone.push(...(await this.enrichTogether([screened])));
      }
      return alone;
    }
  }

  private async handleAll(tx: EntityManager, batch: readonly Screened[]): Promise<Outcome[]> {
    const before = await this.repository.eventsCausedByLockingPatterns(
      tx,
      batch.map(({ event }) => event.eventId),
      patternKeysOf(batch.flatMap(({ reports }) => reports)),
    );
    // In the order they were screened: records of several partitions come together in no order of
    // their own, and a pattern's earliest indicator is the first recorded.
    const fresh = batch.filter(({ event }) => !before.has(event.eventId.toLowerCase())).sort(byScreeningTime);
    const made = fresh.length === 0 ? new Map<Screened, AnyEvent[]>() : await this.handleFresh(tx, fresh);
    return batch.map((screened) => {
      const caused = before.get(screened.event.eventId.toLowerCase());
      return caused === undefined ? { replayed: false, events: made.get(screened)! } : { replayed: true, events: caused };
    });
  }

  /** Submissions not handled before, their patterns locked: a few statements for all of them. */
  private async handleFresh(tx: EntityManager, fresh: readonly Screened[]): Promise<Map<Screened, AnyEvent[]>> {
    const submissions = fresh.map(({ event, reports }) => ({ reports: newReports(event, reports), reportedAt: event.occurredAt }));
    const reports = submissions.flatMap((submission) => submission.reports);
    const states = await this.repository.corroborations(tx, patternKeysOf(reports));
    await this.repository.recordReports(tx, reports);
    // Most patterns have one submitter: nothing to publish, so nothing to lock or read.
    const objectIds = objectsThatMayBeEnriched(states, submissions);
    const latest = objectIds.length === 0 ? new Map<string, KnownVersion>() : await this.lockAndReadLatest(tx, objectIds);
    const { enriched, publishedCounts } = enrichTogether(states, submissions, latest);
    const made = new Map(fresh.map((screened, i) => [screened, enriched[i]!.map((version) => enrichedEvent(screened, version))]));
    await this.repository.saveDerived(
      tx,
      'enrichment',
      fresh.flatMap((screened) => made.get(screened)!.map((event) => ({ causeEventId: screened.event.eventId, event }))),
    );
    await this.repository.markCorroborationsPublished(tx, publishedCounts);
    return made;
  }

  private async lockAndReadLatest(tx: EntityManager, objectIds: readonly string[]): Promise<Map<string, KnownVersion>> {
    await this.repository.lockObjects(tx, objectIds);
    return this.repository.latestVersions(tx, objectIds, true);
  }
}

function byScreeningTime(a: Screened, b: Screened): number {
  return a.event.occurredAt < b.event.occurredAt ? -1 : a.event.occurredAt > b.event.occurredAt ? 1 : 0;
}

function newReports(event: EventOf<'SubmissionScreened'>, reports: readonly Report[]): NewReport[] {
  const { submissionId } = event.data;
  const submitterKey = submitterKeyOf(event.data.submitter);
  return reports.map(({ patternKey, object }) => ({
    patternKey,
    objectId: object.id,
    submissionId,
    submitterKey,
    // The first version exactly as the publish stage makes it from the same event.
    version: versionOf(object, event.occurredAt),
    object,
    confidence: statedConfidence(object),
  }));
}

function enrichedEvent({ event, context }: Screened, enriched: EnrichedVersion): EventOf<'IndicatorPublished'> {
  const { patternKey, earliestObjectId, earliestSubmissionId, version } = enriched;
  return buildEvent(
    'IndicatorPublished',
    {
      objectId: earliestObjectId,
      version: version.version,
      object: version.object,
      submissionId: earliestSubmissionId,
      sourceObjectId: earliestObjectId,
      heldFieldCount: 0,
    },
    {
      key: earliestObjectId,
      producer: PRODUCER,
      // The version is the earliest submission's object; the corroborating report caused it.
      correlationId: earliestSubmissionId,
      causationId: event.eventId,
      occurredAt: context.receivedAt,
      eventId: derivedUuid(`ais-enrichment:${event.eventId}:${patternKey}`),
    },
  );
}
