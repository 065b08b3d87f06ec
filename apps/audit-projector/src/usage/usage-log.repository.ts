import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AUDIT_SCHEMA } from '../migrations';
import { ChainVerifier, type ChainedEntry, type ChainHead, type ChainVerdict } from './usage-chain';

interface UsageRow {
  seq: string;
  event_id: string;
  occurred_at: Date;
  actor: string;
  role: string;
  action: string;
  resource: string;
  detail: Record<string, string | number | boolean>;
  prev_hash: string;
  hash: string;
}

export interface UsageFilter {
  readonly actor?: string;
  readonly action?: string;
  /** Inclusive lower bound on the action's time. */
  readonly from?: Date;
  /** Exclusive upper bound. */
  readonly to?: Date;
  /** Entries after this sequence number (paging). */
  readonly afterSeq?: number;
  readonly limit: number;
}

/** Anything that runs SQL and returns rows: a TypeORM DataSource or EntityManager. */
export interface SqlRunner {
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
}

function toEntry(row: UsageRow): ChainedEntry {
  return {
    seq: Number(row.seq),
    eventId: row.event_id,
    occurredAt: row.occurred_at.toISOString(),
    actor: row.actor,
    role: row.role,
    action: row.action,
    resource: row.resource,
    detail: row.detail,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

const PAGE = 10_000;

/**
 * Recomputes the hash chain of a schema's usage log, page by page in `seq` order, against its head
 * row. Used by `GET /audit/usage/verify`, `scripts/audit-verify.ts` and the replay.
 *
 * The head is read first and the entries up to it: an entry appended while the pages are read
 * commits with a later head, and is left to the next verification. (Read the other way round, an
 * append between the last page and the head looked like a removed entry.)
 */
export async function verifyUsageLog(sql: SqlRunner, schema: string): Promise<ChainVerdict> {
  const heads = await sql.query<{ seq: string; hash: string }[]>(`SELECT seq, hash FROM "${schema}".usage_chain_head WHERE id = 1`);
  const head: ChainHead | null = heads[0] === undefined ? null : { seq: Number(heads[0].seq), hash: heads[0].hash };
  const last = head?.seq ?? Number.MAX_SAFE_INTEGER;
  const verifier = new ChainVerifier();
  let after = 0;
  for (;;) {
    const rows = await sql.query<UsageRow[]>(`SELECT * FROM "${schema}".usage_log WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT ${PAGE}`, [after, last]);
    if (rows.length === 0 || !verifier.feed(rows.map(toEntry))) {
      break;
    }
    after = Number(rows[rows.length - 1]!.seq);
  }
  return verifier.finish(head);
}

@Injectable()
export class UsageLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(filter: UsageFilter): Promise<ChainedEntry[]> {
    const rows: UsageRow[] = await this.dataSource.query(
      `SELECT * FROM ${AUDIT_SCHEMA}.usage_log
        WHERE ($1::text IS NULL OR actor = $1) AND ($2::text IS NULL OR action = $2)
          AND ($3::timestamptz IS NULL OR occurred_at >= $3) AND ($4::timestamptz IS NULL OR occurred_at < $4)
          AND seq > $5
        ORDER BY seq LIMIT $6`,
      [filter.actor ?? null, filter.action ?? null, filter.from ?? null, filter.to ?? null, filter.afterSeq ?? 0, filter.limit],
    );
    return rows.map(toEntry);
  }

  async head(): Promise<ChainHead> {
    const rows: { seq: string; hash: string }[] = await this.dataSource.query(`SELECT seq, hash FROM ${AUDIT_SCHEMA}.usage_chain_head WHERE id = 1`);
    return { seq: Number(rows[0]?.seq ?? 0), hash: rows[0]?.hash ?? '' };
  }

  verify(): Promise<ChainVerdict> {
    return verifyUsageLog(this.dataSource, AUDIT_SCHEMA);
  }
}
