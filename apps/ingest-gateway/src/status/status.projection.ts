import type { EventOf } from '@ais/contracts';
import { consumes, type BatchWriter, type ProjectionContext } from '@ais/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import { lockStatuses } from './status.repository';

export const STATUS_GROUP = 'ingest-gateway.status';

interface PublishedOutcome {
  readonly submissionId: string;
  readonly sourceObjectId: string;
  readonly occurredAt: string;
}

/**
 * A batch's published objects in four statements, not four per object: lock the statuses (in one
 * order, as other partitions' batches lock them too), mark the objects
 * succeeded, register the accepted versions, complete the statuses with nothing pending left.
 * A status completed by the batch takes the time of the batch's last outcome for it.
 */
export const PUBLISHED_OUTCOMES: BatchWriter<EntityManager, PublishedOutcome> = {
  async write(tx, outcomes) {
    const lastAt = await lockStatusesOf(tx, outcomes);
    const statusIds = outcomes.map((o) => o.submissionId);
    const objectIds = outcomes.map((o) => o.sourceObjectId);
    await tx.query(
      `UPDATE gateway.status_objects o SET state = 'success'
         FROM unnest($1::uuid[], $2::text[]) AS p(status_id, object_id)
        WHERE o.status_id = p.status_id AND o.object_id = p.object_id AND o.state = 'pending'`,
      [statusIds, objectIds],
    );
    // The version as the participant submitted it is what a re-POST carries.
    await tx.query(
      `INSERT INTO gateway.accepted_versions (principal_id, object_id, version, status_id, accepted_at)
       SELECT r.principal_id, o.object_id, o.version, r.id, p.accepted_at::timestamptz
       FROM unnest($1::uuid[], $2::text[], $3::text[]) AS p(status_id, object_id, accepted_at)
       JOIN gateway.status_objects o ON o.status_id = p.status_id AND o.object_id = p.object_id
       JOIN gateway.status_resources r ON r.id = o.status_id
       WHERE o.version IS NOT NULL AND o.state = 'success' AND length(o.object_id) < 300 AND length(o.version) < 40
       ON CONFLICT DO NOTHING`,
      [statusIds, objectIds, outcomes.map((o) => o.occurredAt)],
    );
    await completeStatuses(tx, lastAt);
  },
};

/**
 * Locks the statuses of a batch's outcomes (sorted, see `lockStatuses`) and returns, per status,
 * the time of its last outcome in the batch: the completion time if the batch completes it.
 */
async function lockStatusesOf(tx: EntityManager, outcomes: readonly { submissionId: string; occurredAt: string }[]): Promise<Map<string, string>> {
  const lastAt = new Map<string, string>();
  for (const outcome of outcomes) {
    lastAt.set(outcome.submissionId, outcome.occurredAt);
  }
  await lockStatuses(tx, [...lastAt.keys()]);
  return lastAt;
}

/** Completes each status with nothing pending left, at its time in `completedAt` (status id → time). */
async function completeStatuses(tx: EntityManager, completedAt: ReadonlyMap<string, string>): Promise<void> {
  await tx.query(
    `UPDATE gateway.status_resources r SET completed_at = c.completed_at::timestamptz
       FROM unnest($1::uuid[], $2::text[]) AS c(id, completed_at)
      WHERE r.id = c.id AND r.completed_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM gateway.status_objects o WHERE o.status_id = r.id AND o.state = 'pending')`,
    [[...completedAt.keys()], [...completedAt.values()]],
  );
}

interface DecidedOutcome {
  readonly submissionId: string;
  /** Objects failed by the pipeline, each the first pending one with its `objectId`. */
  readonly failures: readonly { readonly objectId?: string; readonly message: string }[];
  /** Objects that succeeded without being published as themselves (the anonymizer's replacements). */
  readonly successes: readonly { readonly objectId?: string; readonly message: string }[];
  /** A rejected submission: whatever is still pending fails with this message. */
  readonly failPendingWith?: string;
  readonly occurredAt: string;
}

/**
 * A batch's rejections and screening outcomes: the statuses are locked first, all at once and in
 * one order (as `PUBLISHED_OUTCOMES` does; locking each status as its record came made batches of
 * two partitions deadlock, PostgreSQL 40P01). Then, for the whole batch: the failures (each the
 * first pending object with its id, so one statement each; they are rare), the successes, the
 * rest of rejected submissions, the completions. Set-wise rather than two statements per record,
 * because the locks are held until the commit and the other partitions' batches wait for them.
 */
export const DECIDED_OUTCOMES: BatchWriter<EntityManager, DecidedOutcome> = {
  async write(tx, outcomes) {
    const lastAt = await lockStatusesOf(tx, outcomes);
    for (const outcome of outcomes) {
      for (const failure of outcome.failures) {
        await tx.query(
          `UPDATE gateway.status_objects SET state = 'failure', message = $3
           WHERE ctid = (SELECT ctid FROM gateway.status_objects
                         WHERE status_id = $1 AND state = 'pending' AND object_id IS NOT DISTINCT FROM $2
                         ORDER BY position LIMIT 1)`,
          [outcome.submissionId, failure.objectId ?? null, failure.message],
        );
      }
    }
    const successes = outcomes.flatMap((o) => o.successes.map((success) => ({ statusId: o.submissionId, ...success })));
    if (successes.length > 0) {
      await tx.query(
        `UPDATE gateway.status_objects o SET state = 'success', message = p.message
           FROM unnest($1::uuid[], $2::text[], $3::text[]) AS p(status_id, object_id, message)
          WHERE o.status_id = p.status_id AND o.object_id = p.object_id AND o.state = 'pending'`,
        [successes.map((x) => x.statusId), successes.map((x) => x.objectId ?? null), successes.map((x) => x.message)],
      );
    }
    const rejected = outcomes.filter((o) => o.failPendingWith !== undefined);
    if (rejected.length > 0) {
      await tx.query(
        `UPDATE gateway.status_objects o SET state = 'failure', message = p.message
           FROM unnest($1::uuid[], $2::text[]) AS p(status_id, message)
          WHERE o.status_id = p.status_id AND o.state = 'pending'`,
        [rejected.map((o) => o.submissionId), rejected.map((o) => o.failPendingWith)],
      );
    }
    await completeStatuses(tx, lastAt);
  },
};

/**
 * Moves each object of a status resource out of `pending` as the pipeline decides: failed when
 * rejected or dropped on the way, succeeded when published. Updates only pending rows, so
 * redelivered events change nothing.
 *
 * Also records, per principal, each object version that got published (the exact-duplicate
 * register consulted at POST time), and the moment a status completes (an event's
 * `occurredAt`, not the projection's clock) from which its retention runs.
 *
 * The writers first wait for each submission's POST to commit its status row (`lockStatuses`):
 * an outcome may arrive before it.
 */
@Controller()
export class StatusProjection {
  @EventPattern(consumes(STATUS_GROUP, 'SubmissionRejected'))
  rejected(@Payload() event: EventOf<'SubmissionRejected'>, @Ctx() ctx: ProjectionContext<EntityManager>): void {
    const { submissionId, reasons } = event.data;
    ctx.collect(DECIDED_OUTCOMES, {
      submissionId,
      failures: reasons,
      successes: [],
      // Whatever no reason names fails with the submission's first reason.
      failPendingWith: reasons[0]?.message ?? 'submission rejected',
      occurredAt: event.occurredAt,
    });
  }

  /**
   * One small record per submission that went through screening: what failed or was replaced on
   * the way, and what was published. The gateway never reads the screened submission or the
   * published objects themselves.
   */
  @EventPattern(consumes(STATUS_GROUP, 'SubmissionConcluded'))
  concluded(@Payload() event: EventOf<'SubmissionConcluded'>, @Ctx() ctx: ProjectionContext<EntityManager>): void {
    const { submissionId, published, failures, replaced } = event.data;
    const occurredAt = event.occurredAt;
    // With nothing published, this is what completes the status.
    if (failures.length > 0 || replaced.length > 0 || published.length === 0) {
      ctx.collect(DECIDED_OUTCOMES, { submissionId, failures, successes: replaced, occurredAt });
    }
    for (const { sourceObjectId } of published) {
      ctx.collect(PUBLISHED_OUTCOMES, { submissionId, sourceObjectId, occurredAt });
    }
  }
}
