import type { EventOf, ObjectFailure } from '@ais/contracts';
import { consumes, type BatchWriter, type ProjectionContext } from '@ais/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import { lockStatuses } from './status.repository';

export const STATUS_GROUP = 'ingest-gateway.status';

/** What the pipeline decided about the objects of one submission, from one event. */
export interface SubmissionOutcome {
  readonly submissionId: string;
  /** Objects failed on the way, each the first pending one with its `objectId`. */
  readonly failures: readonly Pick<ObjectFailure, 'objectId' | 'message'>[];
  /** Objects that succeeded without being published as themselves (the anonymizer's replacements). */
  readonly successes: readonly Pick<ObjectFailure, 'objectId' | 'message'>[];
  /** The submitted ids of the objects published. */
  readonly published: readonly string[];
  /** A rejected submission: whatever is still pending fails with this message. */
  readonly failPendingWith?: string;
  readonly occurredAt: string;
}

/**
 * A batch's outcomes in a few statements for the whole batch, not a few per record. The statuses
 * are locked first, all at once and sorted: another partition's batch may hold outcomes of the
 * same submissions (locking each status as its record came deadlocked, PostgreSQL 40P01), and the
 * locks are held until the commit. Then the failures (one statement each: the first pending
 * object with its id; they are rare), the successes (replaced and published objects, the published
 * ones registered as accepted versions), the rest of rejected submissions, and last the
 * completions: a status with nothing pending left completes at the time of its last outcome in the
 * batch.
 */
export const SUBMISSION_OUTCOMES: BatchWriter<EntityManager, SubmissionOutcome> = {
  async write(tx, outcomes) {
    const lastAt = new Map<string, string>();
    for (const outcome of outcomes) {
      lastAt.set(outcome.submissionId, outcome.occurredAt);
    }
    await lockStatuses(tx, [...lastAt.keys()]);
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
    // Published objects succeed as they are, replaced ones with a message saying why (one row
    // each: an UPDATE joined to two rows for one object would take either).
    const successes = new Map<string, SucceededObject>();
    for (const o of outcomes) {
      for (const objectId of o.published) {
        successes.set(`${o.submissionId} ${objectId}`, { statusId: o.submissionId, objectId, message: null, published: true, at: o.occurredAt });
      }
      for (const { objectId, message } of o.successes) {
        const key = `${o.submissionId} ${objectId ?? ''}`;
        successes.set(key, { statusId: o.submissionId, objectId: objectId ?? null, message, published: successes.get(key)?.published ?? false, at: o.occurredAt });
      }
    }
    if (successes.size > 0) {
      await markSucceeded(tx, [...successes.values()]);
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
    await tx.query(
      `UPDATE gateway.status_resources r SET completed_at = c.completed_at::timestamptz
         FROM unnest($1::uuid[], $2::text[]) AS c(id, completed_at)
        WHERE r.id = c.id AND r.completed_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM gateway.status_objects o WHERE o.status_id = r.id AND o.state = 'pending')`,
      [[...lastAt.keys()], [...lastAt.values()]],
    );
  },
};

interface SucceededObject {
  readonly statusId: string;
  readonly objectId: string | null;
  readonly message: string | null;
  /** Published as itself: its version joins the principal's exact-duplicate register. */
  readonly published: boolean;
  readonly at: string;
}

/**
 * Pending objects succeed, and those published register, per principal, the version as the
 * participant submitted it (what a re-POST carries). One statement: the register takes its rows
 * from the UPDATE, so it never looks the objects up again. Looked up again by state, as before,
 * a table not yet analysed made PostgreSQL expect one row in state 'success' and compare every
 * row of the table with every row of the batch: 27–58 ms a batch (docs/benchmarks.md, run 14).
 */
async function markSucceeded(tx: EntityManager, rows: readonly SucceededObject[]): Promise<void> {
  await tx.query(
    `WITH succeeded AS (
       UPDATE gateway.status_objects o SET state = 'success', message = p.message
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::boolean[], $5::text[]) AS p(status_id, object_id, message, published, accepted_at)
        WHERE o.status_id = p.status_id AND o.object_id = p.object_id AND o.state = 'pending'
       RETURNING o.status_id, o.object_id, o.version, p.published, p.accepted_at
     )
     INSERT INTO gateway.accepted_versions (principal_id, object_id, version, status_id, accepted_at)
     SELECT r.principal_id, s.object_id, s.version, r.id, s.accepted_at::timestamptz
       FROM succeeded s JOIN gateway.status_resources r ON r.id = s.status_id
      WHERE s.published AND s.version IS NOT NULL AND length(s.object_id) < 300 AND length(s.version) < 40
     ON CONFLICT DO NOTHING`,
    [rows.map((x) => x.statusId), rows.map((x) => x.objectId), rows.map((x) => x.message), rows.map((x) => x.published), rows.map((x) => x.at)],
  );
}

/**
 * Moves each object of a status resource out of `pending` as the pipeline decides: failed when
 * rejected or dropped on the way, succeeded when published (or replaced). Updates only pending
 * rows, so redelivered events change nothing.
 *
 * Also records, per principal, each object version that got published (the exact-duplicate
 * register consulted at POST time), and the moment a status completes (an event's
 * `occurredAt`, not the projection's clock) from which its retention runs.
 *
 * The writer first waits for each submission's POST to commit its status row (`lockStatuses`):
 * an outcome may arrive before it.
 */
@Controller()
export class StatusProjection {
  @EventPattern(consumes(STATUS_GROUP, 'SubmissionRejected'))
  rejected(@Payload() event: EventOf<'SubmissionRejected'>, @Ctx() ctx: ProjectionContext<EntityManager>): void {
    const { submissionId, reasons } = event.data;
    ctx.collect(SUBMISSION_OUTCOMES, {
      submissionId,
      failures: reasons,
      successes: [],
      published: [],
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
    ctx.collect(SUBMISSION_OUTCOMES, {
      submissionId,
      failures,
      successes: replaced,
      published: published.map((object) => object.sourceObjectId),
      occurredAt: event.occurredAt,
    });
  }
}
