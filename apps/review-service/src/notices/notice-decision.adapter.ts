import type { Principal } from '@ais/auth';
import { buildEvent, type AnyEvent, type ReviewDecidedV1 } from '@ais/contracts';
import { EventPublisher } from '@ais/messaging';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decideNotice, NoticeDecisionErrorCode, type NoticeDecision, type NoticeDecisionInput } from './notice-decision.decider';
import { NoticesRepository, type NoticeTask, type PublishedObject } from './notices.repository';
import { NoticeErrorCode, noticeError } from './notices-errors';
import { objectFields } from './object-paths';

const PRODUCER = 'review-service';

/**
 * An analyst's decision on a notice (§4.1). The task row is locked, the decision written to the
 * log (acks from all replicas), the task settled, and only then the transaction commits; a second
 * decision finds the task decided. A correction is a `ReviewDecided` with `noticeId`, naming the
 * latest published version the analyst read: version-publisher answers with a corrected version.
 * A dismissal is a `PiiNoticeDismissed`. Either carries the analyst's id.
 */
@Injectable()
export class NoticeDecisionAdapter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    private readonly repository: NoticesRepository,
  ) {}

  async decide(id: string, analyst: Principal, input: NoticeDecisionInput, now: Date): Promise<{ id: string; state: string }> {
    const at = now.toISOString();
    return this.dataSource.transaction(async (tx) => {
      const task = await this.repository.find(id, tx, true);
      if (task === null) {
        throw noticeError(NoticeErrorCode.NotFound);
      }
      const latest = await this.repository.latestPublished(task.notice.objectId, tx);
      const decision = decideNotice({ state: task.state, fields: latest === null ? null : objectFields(latest.object) }, input);
      if (!decision.ok) {
        throw noticeError(decision.code);
      }
      const origin = { key: task.notice.objectId, producer: PRODUCER, correlationId: task.notice.noticeId, causationId: null, occurredAt: now };
      const event: AnyEvent =
        decision.outcome === 'dismiss'
          ? buildEvent('PiiNoticeDismissed', { noticeId: task.notice.noticeId, objectId: task.notice.objectId, dismissedBy: analyst.id, dismissedAt: at }, origin)
          : buildEvent('ReviewDecided', correction(task, latest, analyst.id, at, decision), origin);
      await this.publisher.publish([event]);
      await this.repository.settle(tx, id, decision.taskState, analyst.id, at);
      return { id, state: decision.taskState };
    });
  }
}

/** The corrected fields, applied by version-publisher to the latest version it has. */
function correction(task: NoticeTask, published: PublishedObject | null, analystId: string, at: string, decision: Extract<NoticeDecision, { outcome: 'correct' }>): ReviewDecidedV1 {
  if (published === null) {
    // decideNotice refuses a correction without a published version: unreachable.
    throw noticeError(NoticeDecisionErrorCode.ObjectUnknown);
  }
  return {
    taskId: task.id,
    noticeId: task.notice.noticeId,
    submissionId: published.submissionId,
    objectId: task.notice.objectId,
    objectVersion: published.version,
    decidedBy: analystId,
    decidedAt: at,
    fields: decision.fields,
    restored: decision.restored,
    removed: decision.removed,
  };
}
