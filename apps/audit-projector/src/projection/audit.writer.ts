import type { EntityManager } from 'typeorm';
import { chainEntries, type ChainHead } from '../usage/usage-chain';
import type { AuditBatch } from './audit-batch';

/**
 * Writes a batch's effects inside the projection's transaction: one upsert for all counts, one
 * insert for all usage entries, chained after the head row. A transaction-scoped advisory lock
 * per schema makes concurrent partitions take turns: the counts' hot rows are upserted in one
 * order, and the chain gets one entry after another.
 */
export class AuditWriter {
  constructor(private readonly schema: string) {}

  async flush(tx: EntityManager, batch: AuditBatch): Promise<void> {
    if (batch.isEmpty) {
      return;
    }
    const s = `"${this.schema}"`;
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`ais-audit:${this.schema}`]);
    const counts = batch.countRows();
    if (counts.length > 0) {
      await tx.query(
        `INSERT INTO ${s}.daily_counts (day, metric, dimension, value)
         SELECT day, metric, dimension, value FROM unnest($1::date[], $2::text[], $3::text[], $4::bigint[]) AS i(day, metric, dimension, value)
         ON CONFLICT (day, metric, dimension) DO UPDATE SET value = daily_counts.value + EXCLUDED.value`,
        [counts.map((c) => c.day), counts.map((c) => c.metric), counts.map((c) => c.dimension), counts.map((c) => c.value)],
      );
    }
    const candidates = batch.usageEntries();
    if (candidates.length === 0) {
      return;
    }
    // An entry per event, ever: a record the log holds twice is chained once.
    const known: { event_id: string }[] = await tx.query(`SELECT event_id FROM ${s}.usage_log WHERE event_id = ANY($1::uuid[])`, [candidates.map((e) => e.eventId)]);
    const seen = new Set(known.map((row) => row.event_id));
    const fresh = candidates.filter((entry) => !seen.has(entry.eventId));
    if (fresh.length === 0) {
      return;
    }
    const heads: { seq: string; hash: string }[] = await tx.query(`SELECT seq, hash FROM ${s}.usage_chain_head WHERE id = 1 FOR UPDATE`);
    if (heads[0] === undefined) {
      throw new Error('usage_chain_head row is missing');
    }
    const head: ChainHead = { seq: Number(heads[0].seq), hash: heads[0].hash };
    const chained = chainEntries(head, fresh);
    await tx.query(
      `INSERT INTO ${s}.usage_log (seq, event_id, occurred_at, actor, role, action, resource, detail, prev_hash, hash)
       SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::text[], $10::text[])`,
      [
        chained.map((e) => e.seq),
        chained.map((e) => e.eventId),
        chained.map((e) => e.occurredAt),
        chained.map((e) => e.actor),
        chained.map((e) => e.role),
        chained.map((e) => e.action),
        chained.map((e) => e.resource),
        chained.map((e) => JSON.stringify(e.detail)),
        chained.map((e) => e.prevHash),
        chained.map((e) => e.hash),
      ],
    );
    const last = chained[chained.length - 1]!;
    await tx.query(`UPDATE ${s}.usage_chain_head SET seq = $1, hash = $2 WHERE id = 1`, [last.seq, last.hash]);
  }
}
