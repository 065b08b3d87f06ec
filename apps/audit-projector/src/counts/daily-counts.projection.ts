import type { EventOf } from '@ais/contracts';
import { consumes, type ProjectionContext } from '@ais/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import { countIncrements, type CountedEvent } from './daily-counts.decider';

export const COUNTS_GROUP = 'audit-projector.counts';
/** Advisory lock key of the counts' writers (any constant unique in the database). */
const COUNTS_LOCK_KEY = 0x61756474; // 'audt'

/**
 * The §4.1 counts, projected from the log: each event's increments and the partition's checkpoint
 * commit in one transaction, so a redelivered event is never counted twice, and dropping the
 * table and the checkpoints rebuilds the counts by replay.
 */
@Controller()
export class AuditCountsProjection {
  @EventPattern(consumes(COUNTS_GROUP, 'SubmissionReceived'))
  received(@Payload() event: EventOf<'SubmissionReceived'>, @Ctx() ctx: ProjectionContext<EntityManager>): Promise<void> {
    return this.count(event, ctx.tx);
  }

  @EventPattern(consumes(COUNTS_GROUP, 'SubmissionRejected'))
  rejected(@Payload() event: EventOf<'SubmissionRejected'>, @Ctx() ctx: ProjectionContext<EntityManager>): Promise<void> {
    return this.count(event, ctx.tx);
  }

  @EventPattern(consumes(COUNTS_GROUP, 'IndicatorPublished'))
  published(@Payload() event: EventOf<'IndicatorPublished'>, @Ctx() ctx: ProjectionContext<EntityManager>): Promise<void> {
    return this.count(event, ctx.tx);
  }

  private async count(event: CountedEvent, tx: EntityManager): Promise<void> {
    const increments = countIncrements(event);
    if (increments.length === 0) {
      return;
    }
    // Concurrent partitions upsert the same hot rows in different orders across a batch, which
    // would deadlock; one transaction-scoped lock makes the count transactions take turns.
    await tx.query(`SELECT pg_advisory_xact_lock(${COUNTS_LOCK_KEY})`);
    await tx.query(
      `INSERT INTO audit.daily_counts (day, metric, dimension, value)
       SELECT day, metric, dimension, 1
         FROM unnest($1::date[], $2::text[], $3::text[]) AS i(day, metric, dimension)
       ON CONFLICT (day, metric, dimension) DO UPDATE SET value = audit.daily_counts.value + 1`,
      [increments.map((i) => i.day), increments.map((i) => i.metric), increments.map((i) => i.dimension)],
    );
  }
}
