import { buildEvent, derivedUuid, type AnyEvent, type EventOf, type StixObject } from '@ais/contracts';
import { consumes, type StageContext } from '@ais/messaging';
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

/**
 * §2.3.2.3 enrichment as a transactional stage of its own group over `ais.pipeline.screened`, so
 * first publications never wait on it: each indicator with a STIX pattern is recorded under its
 * normalised pattern, and when more submitters report a pattern than its earliest indicator's
 * last enriched version says, that indicator gets a new version with the count and a confidence.
 *
 * One database transaction per screened submission, a few statements for all its indicators:
 * pattern locks (in key order), then object locks; what a redelivered submission caused before is sent again as it was.
 */
@Controller()
export class EnrichIndicatorsAdapter {
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
    const { replayed, events } = await this.repository.transaction((tx) => this.handle(tx, event, reports, context));
    if (replayed) {
      this.metrics.count('enrichment', 'replayed', events.length);
    } else {
      this.metrics.count('enrichment', 'published', events.length);
      this.metrics.count('enrichment', 'unchanged', new Set(reports.map((r) => r.patternKey)).size - events.length);
    }
    return events;
  }

  private async handle(tx: EntityManager, event: EventOf<'SubmissionScreened'>, reports: readonly Report[], context: StageContext): Promise<{ replayed: boolean; events: AnyEvent[] }> {
    const keys = [...new Set(reports.map((report) => report.patternKey))].sort();
    const before = await this.repository.eventsCausedByLockingPatterns(tx, event.eventId, keys);
    if (before.length > 0) {
      return { replayed: true, events: before };
    }
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
    return { replayed: false, events };
  }
}
