import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AUDIT_SCHEMA } from '../migrations';

/** One partition of the output topic as one entity's consumer group has consumed it. */
export interface GroupPartitionOffset {
  readonly groupId: string;
  readonly entity: string;
  readonly topic: string;
  readonly partition: number;
  /** The group's committed offset (the next record it will read); 0 when it committed none. */
  readonly committedOffset: number;
  /** The partition's end (high watermark) when polled. */
  readonly endOffset: number;
}

export interface GroupDelivery {
  readonly groupId: string;
  readonly entity: string;
  readonly committedOffset: number;
  readonly endOffset: number;
  readonly lag: number;
  readonly polledAt: string;
}

export interface EntityDeliveryDay {
  readonly day: string;
  readonly entity: string;
  /** How far the entity's groups' committed offsets moved that day (records and transaction markers). */
  readonly offsetsAdvanced: number;
  readonly committedOffset: number;
}

@Injectable()
export class FederalDeliveriesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores a poll: the current offsets, and each partition's furthest offset of the day. */
  async save(offsets: readonly GroupPartitionOffset[], polledAt: Date): Promise<void> {
    if (offsets.length === 0) {
      return;
    }
    const columns = [
      offsets.map((o) => o.groupId),
      offsets.map((o) => o.topic),
      offsets.map((o) => o.partition),
      offsets.map((o) => o.entity),
      offsets.map((o) => o.committedOffset),
      offsets.map((o) => o.endOffset),
    ];
    await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO ${AUDIT_SCHEMA}.federal_consumer_offsets (consumer_group, topic, partition, entity, committed_offset, end_offset, polled_at)
         SELECT g, t, p, e, c, h, $7 FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::bigint[], $6::bigint[]) AS o(g, t, p, e, c, h)
         ON CONFLICT (consumer_group, topic, partition) DO UPDATE
           SET entity = EXCLUDED.entity, committed_offset = EXCLUDED.committed_offset, end_offset = EXCLUDED.end_offset, polled_at = EXCLUDED.polled_at`,
        [...columns, polledAt],
      );
      await tx.query(
        `INSERT INTO ${AUDIT_SCHEMA}.federal_delivery_days (day, consumer_group, topic, partition, entity, committed_offset)
         SELECT ($7::timestamptz AT TIME ZONE 'UTC')::date, g, t, p, e, c FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::bigint[], $6::bigint[]) AS o(g, t, p, e, c, h)
         ON CONFLICT (day, consumer_group, topic, partition) DO UPDATE
           SET committed_offset = GREATEST(federal_delivery_days.committed_offset, EXCLUDED.committed_offset)`,
        [...columns, polledAt],
      );
    });
  }

  /** Each entity group's position on the output topic, summed over partitions. */
  async groups(): Promise<GroupDelivery[]> {
    const rows: { consumer_group: string; entity: string; committed: string; end_offset: string; polled_at: Date }[] = await this.dataSource.query(
      `SELECT consumer_group, entity, sum(committed_offset)::text AS committed, sum(end_offset)::text AS end_offset, max(polled_at) AS polled_at
         FROM ${AUDIT_SCHEMA}.federal_consumer_offsets GROUP BY consumer_group, entity ORDER BY entity, consumer_group`,
    );
    return rows.map((row) => {
      const committedOffset = Number(row.committed);
      const endOffset = Number(row.end_offset);
      return { groupId: row.consumer_group, entity: row.entity, committedOffset, endOffset, lag: Math.max(endOffset - committedOffset, 0), polledAt: row.polled_at.toISOString() };
    });
  }

  /** Per day and entity: how far its groups' committed offsets advanced, and where they stood. */
  async days(): Promise<EntityDeliveryDay[]> {
    const rows: { day: string; entity: string; advanced: string; committed: string }[] = await this.dataSource.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, entity, sum(committed_offset - coalesce(previous, 0))::text AS advanced, sum(committed_offset)::text AS committed
         FROM (SELECT day, entity, committed_offset,
                      lag(committed_offset) OVER (PARTITION BY consumer_group, topic, partition ORDER BY day) AS previous
                 FROM ${AUDIT_SCHEMA}.federal_delivery_days) d
        GROUP BY day, entity ORDER BY day, entity`,
    );
    return rows.map((row) => ({ day: row.day, entity: row.entity, offsetsAdvanced: Math.max(Number(row.advanced), 0), committedOffset: Number(row.committed) }));
  }
}
