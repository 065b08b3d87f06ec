import type { EventOf } from '@ais/contracts';
import { consumes, type BatchWriter, type ProjectionContext } from '@ais/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';

export const REPOSITORY_GROUP = 'version-publisher.repository';

interface VersionRow {
  readonly objectId: string;
  readonly version: string;
  readonly type: string;
  readonly specVersion: string;
  readonly object: string;
  readonly submissionId: string;
}

/**
 * Stores a batch's versions with one statement. `date_added` comes from the one-row clock, moved
 * once per batch by as many microseconds as there are rows, and this transaction holds its lock
 * until it commits: concurrent partitions commit in `date_added` order, so `added_after` and
 * `next` never skip a row. Within the batch, rows keep the order of their records.
 * A version already stored (same id and `modified`) is not stored twice.
 */
export const OBJECT_VERSIONS_WRITER: BatchWriter<EntityManager, VersionRow> = {
  async write(tx, rows) {
    await tx.query(
      `WITH clock AS (
         UPDATE publisher.date_added_clock
            SET last = greatest(clock_timestamp(), last + interval '1 microsecond') + ($7::int - 1) * interval '1 microsecond'
          RETURNING last
       )
       INSERT INTO publisher.object_versions (object_id, version, version_at, type, spec_version, date_added, object, submission_id)
       SELECT r.object_id, r.version, r.version::timestamptz, r.type, r.spec_version,
              clock.last - ($7::int - r.position) * interval '1 microsecond', r.object::jsonb, r.submission_id::uuid
         FROM clock, unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY
              AS r(object_id, version, type, spec_version, object, submission_id, position)
        ORDER BY r.position
       ON CONFLICT (object_id, version) DO NOTHING`,
      [
        rows.map((r) => r.objectId),
        rows.map((r) => r.version),
        rows.map((r) => r.type),
        rows.map((r) => r.specVersion),
        rows.map((r) => r.object),
        rows.map((r) => r.submissionId),
        rows.length,
      ],
    );
  },
};

/** The published object repository behind TAXII root `federal`: one row per published version. */
@Controller()
export class ObjectVersionsProjection {
  @EventPattern(consumes(REPOSITORY_GROUP, 'IndicatorPublished'))
  apply(@Payload() event: EventOf<'IndicatorPublished'>, @Ctx() ctx: ProjectionContext<EntityManager>): void {
    const { objectId, version, object, submissionId } = event.data;
    const specVersion = typeof object.spec_version === 'string' ? object.spec_version : '2.1';
    ctx.collect(OBJECT_VERSIONS_WRITER, { objectId, version, type: object.type, specVersion, object: JSON.stringify(object), submissionId });
  }
}
