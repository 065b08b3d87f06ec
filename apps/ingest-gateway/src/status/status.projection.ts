import type { EventOf } from '@ais/contracts';
import { consumes, type ProjectionContext } from '@ais/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';

export const STATUS_GROUP = 'ingest-gateway.status';

/**
 * Moves each object of a status resource out of `pending` as the pipeline decides: failed when
 * rejected or dropped on the way, succeeded when published. Updates only pending rows, so
 * redelivered events change nothing.
 */
@Controller()
export class StatusProjection {
  @EventPattern(consumes(STATUS_GROUP, 'SubmissionRejected'))
  async rejected(@Payload() event: EventOf<'SubmissionRejected'>, @Ctx() ctx: ProjectionContext<EntityManager>): Promise<void> {
    const { submissionId, reasons } = event.data;
    await this.fail(ctx.tx, submissionId, reasons);
    // Whatever no reason names fails with the submission's first reason.
    await ctx.tx.query(`UPDATE gateway.status_objects SET state = 'failure', message = $2 WHERE status_id = $1 AND state = 'pending'`, [
      submissionId,
      reasons[0]?.message ?? 'submission rejected',
    ]);
  }

  @EventPattern(consumes(STATUS_GROUP, 'SubmissionScreened'))
  async screened(@Payload() event: EventOf<'SubmissionScreened'>, @Ctx() ctx: ProjectionContext<EntityManager>): Promise<void> {
    await this.fail(ctx.tx, event.data.submissionId, event.data.failures);
  }

  @EventPattern(consumes(STATUS_GROUP, 'IndicatorPublished'))
  async published(@Payload() event: EventOf<'IndicatorPublished'>, @Ctx() ctx: ProjectionContext<EntityManager>): Promise<void> {
    await ctx.tx.query(
      `UPDATE gateway.status_objects SET state = 'success' WHERE status_id = $1 AND object_id = $2 AND state = 'pending'`,
      [event.data.submissionId, event.data.sourceObjectId],
    );
  }

  private async fail(tx: EntityManager, submissionId: string, failures: readonly { objectId?: string; message: string }[]): Promise<void> {
    for (const failure of failures) {
      await tx.query(
        `UPDATE gateway.status_objects SET state = 'failure', message = $3
         WHERE ctid = (SELECT ctid FROM gateway.status_objects
                       WHERE status_id = $1 AND state = 'pending' AND object_id IS NOT DISTINCT FROM $2
                       ORDER BY position LIMIT 1)`,
        [submissionId, failure.objectId ?? null, failure.message],
      );
    }
  }
}
