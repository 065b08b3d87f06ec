import { buildCausedEvent, type AnyEvent, type EventOf } from '@ais/contracts';
import { consumes, type StageContext } from '@ais/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { conclusionOf, publishIndicators } from './publish-indicators.decider';
import { PublicationMetrics } from './publication.metrics';

export const PUBLISH_GROUP = 'version-publisher.publish';
const PRODUCER = 'version-publisher';

/**
 * Turns a screened submission into one published version per object, keyed by the STIX id so that
 * all versions of an object stay in order on one partition of `ais.dissemination.published`, and
 * one `SubmissionConcluded` (ids and reasons) for the submitter's status, in the same transaction.
 */
@Controller()
export class PublishIndicatorsAdapter {
  constructor(private readonly metrics: PublicationMetrics) {}

  @EventPattern(consumes(PUBLISH_GROUP, 'SubmissionScreened'))
  publish(@Payload() event: EventOf<'SubmissionScreened'>, @Ctx() context: StageContext): AnyEvent[] {
    const versions = publishIndicators(event.data, event.occurredAt);
    if (versions.length > 0) {
      // Measured once the versions are committed, i.e. readable by the federal entities.
      context.afterCommit(() => Promise.resolve(this.metrics.published(event.data.receivedAt, Date.now())));
    }
    const origin = { producer: PRODUCER, occurredAt: context.receivedAt };
    return [
      ...versions.map((data) => buildCausedEvent('IndicatorPublished', data, event, { ...origin, key: data.objectId })),
      buildCausedEvent('SubmissionConcluded', conclusionOf(event.data, versions), event, { ...origin, key: event.data.submissionId }),
    ];
  }
}
