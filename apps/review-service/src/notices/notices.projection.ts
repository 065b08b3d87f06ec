import type { EventOf } from '@ais/contracts';
import { consumes, type BatchWriter, type ProjectionContext } from '@ais/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import { NoticesRepository, type PublishedVersion } from './notices.repository';

export const NOTICES_GROUP = 'review-service.notices';

/**
 * The notice queue as a projection (§4.1): each `PiiNoticeFiled` opens one `open` task of kind
 * `notice` (its id is the notice id, so a redelivery changes nothing), and each
 * `IndicatorPublished` keeps the latest version of its object, which the analyst reads the notice
 * against. Rows and checkpoint commit together.
 */
@Controller()
export class NoticesProjection {
  /** A batch's published versions are kept with one statement. */
  private readonly publishedWriter: BatchWriter<EntityManager, PublishedVersion>;

  constructor(private readonly repository: NoticesRepository) {
    this.publishedWriter = { write: (tx, versions) => this.repository.published(tx, versions) };
  }

  @EventPattern(consumes(NOTICES_GROUP, 'PiiNoticeFiled'))
  async filed(@Payload() event: EventOf<'PiiNoticeFiled'>, @Ctx() ctx: ProjectionContext<EntityManager>): Promise<void> {
    const { noticeId, objectId, objectVersion, federalEntity, filedBy, paths } = event.data;
    await this.repository.open(ctx.tx, {
      eventId: event.eventId,
      noticeId,
      objectId,
      objectVersion,
      federalEntity,
      filedBy,
      paths: paths ?? [],
      filedAt: event.occurredAt,
      source: { topic: ctx.topic, partition: ctx.partition, offset: ctx.offset },
    });
  }

  @EventPattern(consumes(NOTICES_GROUP, 'IndicatorPublished'))
  published(@Payload() event: EventOf<'IndicatorPublished'>, @Ctx() ctx: ProjectionContext<EntityManager>): void {
    const { objectId, version, submissionId, object } = event.data;
    ctx.collect(this.publishedWriter, { objectId, version, submissionId, object, publishedAt: event.occurredAt });
  }
}
