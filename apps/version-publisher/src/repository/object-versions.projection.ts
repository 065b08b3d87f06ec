import type { EventOf } from '@ais/contracts';
import { consumes, type ProjectionContext } from '@ais/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';

export const REPOSITORY_GROUP = 'version-publisher.repository';

/**
 * The published object repository behind TAXII root `federal`: one row per published version.
 *
 * `date_added` comes from the one-row clock, whose lock this transaction holds until it commits:
 * concurrent partitions commit in `date_added` order, so `added_after` and `next` never skip a row.
 * A version already stored (same id and `modified`) is not stored twice.
 */
@Controller()
export class ObjectVersionsProjection {
  @EventPattern(consumes(REPOSITORY_GROUP, 'IndicatorPublished'))
  async apply(@Payload() event: EventOf<'IndicatorPublished'>, @Ctx() ctx: ProjectionContext<EntityManager>): Promise<void> {
    const { objectId, version, object, submissionId } = event.data;
    const specVersion = typeof object.spec_version === 'string' ? object.spec_version : '2.1';
    await ctx.tx.query(
      `WITH clock AS (
         UPDATE publisher.date_added_clock
            SET last = greatest(clock_timestamp(), last + interval '1 microsecond')
          RETURNING last
       )
       INSERT INTO publisher.object_versions (object_id, version, version_at, type, spec_version, date_added, object, submission_id)
       SELECT $1::text, $2::text, $2::text::timestamptz, $3::text, $4::text, clock.last, $5::jsonb, $6::uuid FROM clock
       ON CONFLICT (object_id, version) DO NOTHING`,
      [objectId, version, object.type, specVersion, JSON.stringify(object), submissionId],
    );
  }
}
