import type { EventOf } from '@ais/contracts';
import { consumes, type ProjectionContext } from '@ais/messaging';
import { Sealer } from '@ais/sealing';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import { settleFromLog } from './triage.decider';
import { TriageRepository, triageStateOf } from './triage.repository';

export const TRIAGE_GROUP = 'review-service.triage';

/**
 * The triage queue as a projection of the log. `ManualSubmissionReceived` opens a task (sealed
 * content only, never plaintext); the analysts' own `TriageAccepted`/`TriageRejected`, read back,
 * settle a task the API could not record (a crash between publishing and committing) and make a
 * replay converge whatever the order of the two topics; the first decision of a submission is the
 * one that counts. Rows and checkpoint commit together, so a redelivered event changes nothing.
 */
@Controller()
export class TriageProjection {
  constructor(
    private readonly repository: TriageRepository,
    private readonly sealer: Sealer,
  ) {}

  @EventPattern(consumes(TRIAGE_GROUP, 'ManualSubmissionReceived'))
  async received(@Payload() event: EventOf<'ManualSubmissionReceived'>, @Ctx() ctx: ProjectionContext<EntityManager>): Promise<void> {
    const { submissionId, channel, kind, receivedAt, sealedContent } = event.data;
    // A decision already in the table (replayed first) decides the state the task starts in.
    await ctx.tx.query(
      `INSERT INTO review.tasks (id, kind, state, created_at, decided_at, decided_by, submission_id, channel, submission_kind,
                                 received_at, sealed_content, source_topic, source_partition, source_offset)
       SELECT $1, 'triage', COALESCE(d.decision, 'open'), $2, d.decided_at, d.decided_by, $1, $3, $4, $2, $5, $6, $7, $8
         FROM (SELECT 1) AS one LEFT JOIN review.triage_decisions d ON d.submission_id = $1
       ON CONFLICT DO NOTHING`,
      [submissionId, receivedAt, channel, kind, JSON.stringify(sealedContent), ctx.topic, ctx.partition, ctx.offset],
    );
  }

  @EventPattern(consumes(TRIAGE_GROUP, 'TriageAccepted'))
  async accepted(@Payload() event: EventOf<'TriageAccepted'>, @Ctx() ctx: ProjectionContext<EntityManager>): Promise<void> {
    await this.settle(ctx.tx, event, 'accepted', null);
  }

  @EventPattern(consumes(TRIAGE_GROUP, 'TriageRejected'))
  async rejected(@Payload() event: EventOf<'TriageRejected'>, @Ctx() ctx: ProjectionContext<EntityManager>): Promise<void> {
    const settled = await this.settle(ctx.tx, event, 'rejected', event.data.reason ?? null);
    if (settled !== null) {
      // Idempotent: usually the API destroyed the key already; after a crash in between, this does.
      await this.sealer.destroy(settled.keyId);
    }
  }

  /**
   * Records the decision if it is the submission's first, and settles the task with it. A later
   * decision for the same submission (only possible after a crash) loses: it changes nothing.
   * Returns the data key of the content when this event is the decision that counts.
   */
  private async settle(
    tx: EntityManager,
    event: EventOf<'TriageAccepted'> | EventOf<'TriageRejected'>,
    decision: 'accepted' | 'rejected',
    reason: string | null,
  ): Promise<{ keyId: string } | null> {
    const { submissionId, decidedBy } = event.data;
    // The task row first, as the API locks it: the two never wait on each other in opposite order.
    const row = await this.repository.lock(tx, submissionId);
    await tx.query(
      `INSERT INTO review.triage_decisions (submission_id, decision, event_id, decided_by, decided_at, reason, recorded_from)
       VALUES ($1, $2, $3, $4, $5, $6, 'log') ON CONFLICT DO NOTHING`,
      [submissionId, decision, event.eventId, decidedBy, event.occurredAt, reason],
    );
    const recorded: { event_id: string }[] = await tx.query(`SELECT event_id FROM review.triage_decisions WHERE submission_id = $1`, [submissionId]);
    if (recorded[0]?.event_id !== event.eventId) {
      return null;
    }
    const keyId = row?.sealed_content?.keyId ?? submissionId;
    const current = row === null ? null : triageStateOf(row);
    if (row === null || current === null) {
      return { keyId };
    }
    const next = settleFromLog(current, { state: decision, by: decidedBy, at: event.occurredAt });
    if (next !== current && (next.state === 'accepted' || next.state === 'rejected')) {
      await tx.query(`UPDATE review.tasks SET state = $2, decided_at = $3, decided_by = $4 WHERE id = $1`, [row.id, next.state, next.decidedAt, next.decidedBy]);
      await this.repository.recordAction(tx, row.id, decision === 'accepted' ? 'accept' : 'reject', decidedBy, next.decidedAt);
    }
    return { keyId };
  }
}
