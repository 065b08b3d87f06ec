import { buildEvent, derivedUuid, type AnyEvent, type EventOf, type StixObject } from '@ais/contracts';
import { consumes, type StageContext } from '@ais/messaging';
import { Coalescer } from '@ais/persistence';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import { versionOf } from '../publish/publish-indicators.decider';
import { ObjectRevisionsRepository } from '../revise/object-revisions.repository';
import { RevisionsMetrics } from '../revise/revisions.metrics';
import { corroboratesFurther, enrich, patternKeyOf, statedConfidence, submitterKeyOf } from './corroborate.decider';

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
 * transaction, handled one after another in it as if each had its own: a commit per submission
 * (five round trips and a WAL flush) held enrichment to 20-30 submissions a second, behind the
 * ~100 a second screened at the pipeline's maximum. The transaction first locks every pattern of
 * all of them in key order (so two transactions cannot deadlock) and reads what any of them
 * caused before: a redelivered submission sends again what it sent. When the shared transaction
 * fails, each submission is tried again alone, so one that cannot be handled fails only itself.
 */
@Controller()
export class EnrichIndicatorsAdapter {
  private readonly together = new Coalescer<Screened, PromiseSettledResult<Outcome>>((batch) => this.enrichTogether(batch), MAX_SUBMISSIONS_PER_TRANSACTION);

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
      this.metrics.count('enrichment', 'unchanged', new Set(reports.map((r) => r.patternKey)).size - events.length);
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
    const keys = [...new Set(batch.flatMap(({ reports }) => reports.map((report) => report.patternKey)))].sort();
    const before = await this.repository.eventsCausedByLockingPatterns(
      tx,
      batch.map(({ event }) => event.eventId),
      keys,
    );
    const outcomes: Outcome[] = [];
    for (const screened of batch) {
      const caused = before.get(screened.event.eventId.toLowerCase());
      outcomes.push(caused === undefined ? { replayed: false, events: await this.handle(tx, screened) } : { replayed: true, events: caused });
    }
    return outcomes;
  }

  /** One new submission, its patterns already locked. */
  private async handle(tx: EntityManager, { event, reports, context }: Screened): Promise<AnyEvent[]> {
    const keys = [...new Set(reports.map((report) => report.patternKey))].sort();
    const { submissionId } = event.data;
    const submitterKey = submitterKeyOf(event.data.submitter);
    await this.repository.recordReports(
      tx,
      reports.map(({ patternKey, object }) => ({
        patternKey,
        objectId: object.id,
        submissionId,
        submitterKey,
        // The first version exactly as the publish stage makes it from the same event.
        version: versionOf(object, event.occurredAt),
        object,
        confidence: statedConfidence(object),
      })),
    );
    const states = await this.repository.corroborations(tx, keys);
    const events: AnyEvent[] = [];
    for (const key of keys) {
      const state = states.get(key);
      // Most patterns have one submitter: nothing to publish, so nothing to lock or read.
      if (state === undefined || !corroboratesFurther(state.reports, state.publishedCount)) {
        continue;
      }
      await this.repository.lockObject(tx, state.earliestObjectId);
      const latest = await this.repository.latestVersion(tx, state.earliestObjectId, true);
      if (latest === null) {
        continue;
      }
      const outcome = enrich(latest, state.reports, state.publishedCount, event.occurredAt);
      if (outcome.kind === 'nothing') {
        continue;
      }
      const published = buildEvent(
        'IndicatorPublished',
        {
          objectId: state.earliestObjectId,
          version: outcome.version,
          object: outcome.object,
          submissionId: state.earliestSubmissionId,
          sourceObjectId: state.earliestObjectId,
          heldFieldCount: 0,
        },
        {
          key: state.earliestObjectId,
          producer: PRODUCER,
          // The version is the earliest submission's object; the corroborating report caused it.
          correlationId: state.earliestSubmissionId,
          causationId: event.eventId,
          occurredAt: context.receivedAt,
          eventId: derivedUuid(`ais-enrichment:${event.eventId}:${key}`),
        },
      );
      await this.repository.saveDerived(tx, 'enrichment', event.eventId, published);
      await this.repository.markCorroborationPublished(tx, key, outcome.corroboration.count);
      events.push(published);
    }
    return events;
  }
}
