import type { DataSource } from 'typeorm';

/** One projection table, live against rebuilt: rows only one side has (multiset difference). */
export interface TableComparison {
  readonly table: string;
  readonly live: number;
  readonly replay: number;
  /** Live rows the replay did not rebuild. */
  readonly missing: number;
  /** Rebuilt rows the live table lacks. */
  readonly extra: number;
  /** A few differing rows, as key strings (metric names and ids, never submission values). */
  readonly samples: readonly string[];
}

/**
 * The compared columns: a projection's content, without what only says how it was processed —
 * checkpoints, `recorded_at`, and the usage log's `seq`/`previous_hash`/`hash` (the chain follows
 * processing order, which differs between consumers reading partitions concurrently; the rebuilt
 * chain is verified on its own).
 */
const TABLES: readonly { table: string; columns: string; sample: string }[] = [
  { table: 'daily_counts', columns: 'day, metric, dimension, value', sample: `to_char(day, 'YYYY-MM-DD') || ' ' || metric || ' ' || dimension || ' = ' || value` },
  { table: 'usage_log', columns: 'event_id, occurred_at, actor, role, action, resource, detail', sample: `event_id::text || ' ' || action` },
];

/** Compares the `live_*` snapshot copies in the replay schema with the rebuilt tables. */
export async function compareWithLive(dataSource: DataSource, schema: string): Promise<TableComparison[]> {
  const s = `"${schema}"`;
  const results: TableComparison[] = [];
  for (const { table, columns, sample } of TABLES) {
    const count = async (sql: string) => Number((await dataSource.query<{ n: string }[]>(sql))[0]?.n ?? 0);
    const difference = (from: string, minus: string) => `SELECT ${columns} FROM ${s}.${from} EXCEPT ALL SELECT ${columns} FROM ${s}.${minus}`;
    const missing = await count(`SELECT count(*) AS n FROM (${difference(`live_${table}`, table)}) d`);
    const extra = await count(`SELECT count(*) AS n FROM (${difference(table, `live_${table}`)}) d`);
    const samples: string[] = [];
    if (missing > 0) {
      const rows: { row: string }[] = await dataSource.query(`SELECT ${sample} AS row FROM (${difference(`live_${table}`, table)}) d LIMIT 5`);
      samples.push(...rows.map((r) => `live only: ${r.row}`));
    }
    if (extra > 0) {
      const rows: { row: string }[] = await dataSource.query(`SELECT ${sample} AS row FROM (${difference(table, `live_${table}`)}) d LIMIT 5`);
      samples.push(...rows.map((r) => `replay only: ${r.row}`));
    }
    results.push({
      table,
      live: await count(`SELECT count(*) AS n FROM ${s}.live_${table}`),
      replay: await count(`SELECT count(*) AS n FROM ${s}.${table}`),
      missing,
      extra,
      samples,
    });
  }
  return results;
}
