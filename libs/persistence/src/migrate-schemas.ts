import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, type SchemaOwner } from './data-source.options';

/** A stable 64-bit advisory lock key per schema, so replicas of one service migrate one at a time. */
function lockKeyOf(schema: string): string {
  return BigInt.asIntN(64, BigInt(`0x${createHash('sha256').update(`ais-migrate:${schema}`).digest('hex').slice(0, 16)}`)).toString();
}

/**
 * Runs each owner's pending migrations in its own schema. Several services (or replicas) may start
 * at once: an advisory lock per schema serialises them, and the second finds nothing to do.
 */
export async function migrateSchemas(url: string, owners: readonly SchemaOwner[]): Promise<string[]> {
  const applied: string[] = [];
  const lock = new Client({ connectionString: url });
  // The server may end the session while the migrations run on other connections; the next lock
  // query then fails and start-up stops with that error, not with an unheard 'error' event.
  lock.on('error', () => undefined);
  await lock.connect();
  try {
    for (const owner of owners) {
      const key = lockKeyOf(owner.schema);
      await lock.query('SELECT pg_advisory_lock($1)', [key]);
      try {
        await lock.query(`CREATE SCHEMA IF NOT EXISTS "${owner.schema}"`);
        const dataSource = new DataSource({ ...dataSourceOptions({ ...owner, url, poolSize: 1 }) });
        await dataSource.initialize();
        try {
          const migrations = await dataSource.runMigrations({ transaction: 'each' });
          applied.push(...migrations.map((migration) => `${owner.schema}.${migration.name}`));
        } finally {
          await dataSource.destroy();
        }
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1)', [key]);
      }
    }
  } finally {
    await lock.end();
  }
  return applied;
}
