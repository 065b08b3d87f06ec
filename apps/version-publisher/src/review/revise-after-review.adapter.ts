import { buildEvent, derivedUuid, type AnyEvent, type EventOf, type StixObject } from '@ais/contracts';
import { consumes, RetriableError, type StageContext } from '@ais/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import type { KnownVersion } from '../revise/next-version';
import { ObjectRevisionsRepository } from '../revise/object-revisions.repository';
import { RevisionError } from '../revise/revision-error';
import { RevisionsMetrics } from '../revise/revisions.metrics';
import { DecisionWait } from './decision-wait';
import { reviseAfterReview, ReviewRevisionErrorCode } from './revise-after-review.decider';

export const REVIEW_GROUP = 'version-publisher.review';
const PRODUCER = 'version-publisher';

type Handled =
  | { readonly kind: 'published' | 'replayed'; readonly events: AnyEvent[] }
  | { readonly kind: 'nothing-restored' | 'unchanged' | 'waiting' }
  | { readonly kind: 'invalid'; readonly code: string; readonly reason: string };

/** SCOs have neither: their TAXII version is the moment they were screened. */
function isUnversioned(object: StixObject): boolean {
  return object.modified === undefined && object.created === undefined;
}

/**
 * Review decisions (`ais.review.decisions`) → new versions on `ais.dissemination.published`, as a
 * transactional stage of its own group: a decision waiting for its version never holds up first
 * publications (§2.4, "without delay").
 *
 * One database transaction per decision, under the object's advisory lock: find what the decision
 * caused before (a redelivery sends it again), check that the version it names is known (else wait,
 * bounded), apply it to the latest known version, and keep the new version with its event before
 * the stage's Kafka transaction commits.
 */
@Controller()
export class ReviseAfterReviewAdapter {
  constructor(
    private readonly repository: ObjectRevisionsRepository,
    private readonly metrics: RevisionsMetrics,
    private readonly wait: DecisionWait,
  ) {}

  @EventPattern(consumes(REVIEW_GROUP, 'ReviewDecided'))
  async revise(@Payload() event: EventOf<'ReviewDecided'>, @Ctx() context: StageContext): Promise<AnyEvent[]> {
    const handled = await this.repository.transaction((tx) => this.handle(tx, event, context));
    switch (handled.kind) {
      case 'published':
      case 'replayed':
        this.wait.forget(event.eventId);
        this.metrics.count('review', handled.kind);
        return handled.events;
      case 'nothing-restored':
      case 'unchanged':
        this.wait.forget(event.eventId);
        this.metrics.count('review', handled.kind);
        return [];
      case 'waiting':
        if (this.wait.mayWait(event.eventId)) {
          this.metrics.count('review', 'waiting');
          throw new RetriableError('the version the decision applies to is not known yet');
        }
        this.wait.forget(event.eventId);
        this.metrics.count('review', 'rejected');
        throw new RevisionError(ReviewRevisionErrorCode.UnknownVersion, 'the version the decision applies to never became known');
      case 'invalid':
        this.wait.forget(event.eventId);
        this.metrics.count('review', 'rejected');
        throw new RevisionError(handled.code, handled.reason);
      default: {
        const unknown: never = handled;
        return unknown;
      }
    }
  }

  private async handle(tx: EntityManager, event: EventOf<'ReviewDecided'>, context: StageContext): Promise<Handled> {
    const decision = event.data;
    const before = await this.repository.eventsCausedBy(tx, event.eventId);
    if (before.length > 0) {
      return { kind: 'replayed', events: before };
    }
    await this.repository.lockObject(tx, decision.objectId);
    const latest = await this.repository.latestVersion(tx, decision.objectId);
    if (latest === null || !(await this.known(tx, decision.objectId, decision.objectVersion, latest))) {
      return { kind: 'waiting' };
    }
    const revision = reviseAfterReview(decision, latest);
    switch (revision.kind) {
      case 'publish': {
        const published = buildEvent(
          'IndicatorPublished',
          {
            objectId: decision.objectId,
            version: revision.version,
            object: revision.object,
            submissionId: decision.submissionId,
            sourceObjectId: decision.objectId,
            // Nothing is withheld any more: the fields were released, redacted or deleted.
            heldFieldCount: 0,
          },
          {
            key: decision.objectId,
            producer: PRODUCER,
            correlationId: event.correlationId,
            causationId: event.eventId,
            occurredAt: context.receivedAt,
            eventId: derivedUuid(`ais-review-revision:${event.eventId}`),
          },
        );
        await this.repository.saveDerived(tx, 'review', [{ causeEventId: event.eventId, event: published }]);
        return { kind: 'published', events: [published] };
      }
      case 'nothing':
        return { kind: revision.reason };
      case 'invalid':
        return { kind: 'invalid', code: revision.code, reason: revision.reason };
      default: {
        const unknown: never = revision;
        return unknown;
      }
    }
  }

  /**
   * The decision names a version this service has: stored, made here, or seen screened. An SCO
   * has no STIX version of its own, so pii-filter cannot name the one stored here; any known
   * version of it will do.
   */
  private async known(tx: EntityManager, objectId: string, version: string, latest: KnownVersion): Promise<boolean> {
    return isUnversioned(latest.object) || (await this.repository.hasVersion(tx, objectId, version));
  }
}
