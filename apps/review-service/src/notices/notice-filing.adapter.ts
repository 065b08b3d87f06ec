import type { Principal } from '@ais/auth';
import { buildEvent } from '@ais/contracts';
import { EventPublisher } from '@ais/messaging';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { NoticeErrorCode, noticeError } from './notices-errors';

export interface NoticeFiling {
  readonly objectId: string;
  readonly objectVersion: string;
  readonly paths?: readonly string[];
}

/**
 * A federal entity files a notice that a published object still holds personal information
 * (§4.1): `PiiNoticeFiled` with the filer and the entity from its principal, in the log (acks from
 * all replicas) before the answer. The log is the record: the notice counts as issued, becomes a
 * task through the projection, and is the filer's entry in the usage log.
 */
@Injectable()
export class NoticeFilingAdapter {
  constructor(private readonly publisher: EventPublisher) {}

  async file(filer: Principal, filing: NoticeFiling, now: Date): Promise<{ noticeId: string }> {
    if (filer.federalEntity === null) {
      throw noticeError(NoticeErrorCode.NoFederalEntity);
    }
    const noticeId = randomUUID();
    const paths = filing.paths === undefined ? {} : { paths: [...new Set(filing.paths)] };
    await this.publisher.publish([
      buildEvent(
        'PiiNoticeFiled',
        { noticeId, objectId: filing.objectId, objectVersion: filing.objectVersion, federalEntity: filer.federalEntity, filedBy: filer.id, ...paths },
        { key: filing.objectId, producer: 'review-service', correlationId: noticeId, causationId: null, occurredAt: now },
      ),
    ]);
    return { noticeId };
  }
}
