import { buildCausedEvent, type AnyEvent, type EventOf } from '@ais/contracts';
import { consumes, type StageContext } from '@ais/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { conclusionOf, publishIndicators } from './publish-indicators.decider';
import { PublicationMetrics } from './publication.metrics';
import { PublishedVersionsRepository } from './published-versions.repository';

export const PUBLISH_GROUP = 'version-publisher.publish';
/** Records of a batch handled at once: more than a first-version fetch brings at the benchmark's maximum (~120). */
export const PUBLISH_RECORD_CONCURRENCY = 256;
const PRODUCER = 'version-publisher';

/**
 * Turns a screened submission into one published version per object, keyed by the STIX id so that
 * all versions of an object stay in order on one partition of `ais.dissemination.published`, and
 * one `SubmissionConcluded` (ids and reasons) for the submitter's status, in the same transaction.
 * A version another submission published first is not sent again; the submitter's status counts
 * it as published, since the federal entities have it.
 */
@Controller()
export class PublishIndicatorsAdapter {
  constructor(
    private readonly metrics: PublicationMetrics,
    private readonly claims: PublishedVersionsRepository,
  ) {}

  @EventPattern(consumes(PUBLISH_GROUP, 'SubmissionScreened'))
  async publish(@Payload() event: EventOf<'SubmissionScreened'>, @Ctx() context: StageContext): Promise<AnyEvent[]> {
    const { submissionId } = event.data;
    const versions = publishIndicators(event.data, event.occurredAt);
    const ours = await this.claims.claim({ submissionId, versions });
    const sent = versions.filter((_, i) => ours[i]);
    if (sent.length > 0) {
      // Measured once the versions are committed, i.e. readable by the federal entities.
      context.afterCommit(() => Promise.resolve(this.metrics.published(event.data.receivedAt, Date.now())));
    }
    const origin = { producer: PRODUCER, occurredAt: context.receivedAt };
    return [
      ...sent.map((data) => buildCausedEvent('IndicatorPublished', data, event, { ...origin, key: data.objectId })),
      buildCausedEvent('SubmissionConcluded', conclusionOf(event.data, versions), event, { ...origin, key: submissionId }),
    ];
  }
}
