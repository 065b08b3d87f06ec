import { Client } from 'pg';

/**
 * How many statements one database has run, from `pg_stat_statements` (scripts/postgres.sh loads
 * it when the server has it): read before and after a phase, it gives the statements per
 * submission, which is how the per-record round trips were found. Null where the server does not
 * keep the counts (an external DATABASE_URL without the extension).
 */
export class StatementCounter {
  constructor(
    /** A database where the extension is created (the local stack's own). */
    private readonly adminUrl: string,
    private readonly database: string,
  ) {}

  async count(): Promise<number | null> {
    const client = new Client({ connectionString: this.adminUrl });
    try {
      await client.connect();
      const result = await client.query<{ calls: string }>(
        `SELECT coalesce(sum(calls), 0)::bigint AS calls FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = $1)`,
        [this.database],
      );
      return Number(result.rows[0]?.calls ?? 0);
    } catch {
      return null;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
