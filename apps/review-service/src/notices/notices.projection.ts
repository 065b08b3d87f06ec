import type { EventOf } from '@ais/contracts';
import { consumes, type ProjectionContext } from '@ais/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import { NoticesRepository } from './notices.repository';

export const NOTICES_GROUP = 'review-service.notices';

/**
 * The notice queue as a projection (§4.1): each `PiiNoticeFiled` opens one `open` task of kind
 * `notice` (its id is the notice id, so a redelivery changes nothing). Rows and checkpoint commit
 * together. The object a notice names is read from version-publisher's repository when an analyst
 * opens or decides it, not copied here: a copy cost every published object a decode and a row.
 */
@Controller()
export class NoticesProjection {
  constructor(private readonly repository: NoticesRepository) {}

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
}
