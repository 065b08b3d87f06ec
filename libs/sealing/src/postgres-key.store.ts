import { Coalescer } from '@ais/persistence';
import { randomBytes } from 'node:crypto';
import { decrypt, encrypt } from './aes-gcm';
import { InvalidKeyIdError, isUuid } from './key-id';
import type { KeyStore } from './key-store';

export const KEYSTORE_SCHEMA = 'keystore';

interface KeyRow {
  key_id: string;
  created?: boolean;
  iv: Buffer | null;
  tag: Buffer | null;
  wrapped_key: Buffer | null;
}

/** Runs SQL and returns the rows (TypeORM's `DataSource` fits). */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * Data keys in PostgreSQL, each wrapped with the master key from the environment, so a database
 * dump alone opens nothing. Destroying deletes the row. Calls made together (a stage's records,
 * its after-commit work, concurrent POSTs) share one statement each for create, get and destroy.
 */
export class PostgresKeyStore implements KeyStore {
  private readonly creates = new Coalescer<string, Buffer>((keyIds) => this.createAll(keyIds));
  private readonly gets = new Coalescer<string, Buffer | null>((keyIds) => this.getAll(keyIds));
  private readonly destroys = new Coalescer<string, void>((keyIds) => this.destroyAll(keyIds));

  constructor(
    private readonly sql: SqlRunner,
    private readonly masterKey: Buffer,
  ) {
    if (masterKey.length !== 32) {
      throw new Error('the master key must be 32 bytes');
    }
  }

  // A key id PostgreSQL would refuse fails its own call, not the statement it would share.
  create(keyId: string): Promise<Buffer> {
    return isUuid(keyId) ? this.creates.submit(keyId) : Promise.reject(new InvalidKeyIdError());
  }

  get(keyId: string): Promise<Buffer | null> {
    return isUuid(keyId) ? this.gets.submit(keyId) : Promise.reject(new InvalidKeyIdError());
  }

  destroy(keyId: string): Promise<void> {
    return isUuid(keyId) ? this.destroys.submit(keyId) : Promise.reject(new InvalidKeyIdError());
  }

  private async createAll(keyIds: readonly string[]): Promise<Buffer[]> {
    // Sorted: two batches that share ids wait for each other's inserts in one order, never in a cycle.
    const ids = [...new Set(keyIds.map(canonical))].sort();
    const fresh = new Map(ids.map((keyId) => [keyId, randomBytes(32)]));
    const wrapped = ids.map((keyId) => encrypt(this.masterKey, fresh.get(keyId)!, Buffer.from(keyId)));
    // One round trip: the inserts, and the keys stored before (a retried create after a crash
    // keeps the first key: the stored one wins).
    const rows = (await this.sql.query(
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::bytea[], $3::bytea[], $4::bytea[]) AS i(key_id, iv, tag, wrapped_key)
       ), inserted AS (
         INSERT INTO ${KEYSTORE_SCHEMA}.data_keys (key_id, iv, tag, wrapped_key) SELECT key_id, iv, tag, wrapped_key FROM input
         ON CONFLICT (key_id) DO NOTHING RETURNING key_id
       )
       SELECT key_id::text, true AS created, NULL::bytea AS iv, NULL::bytea AS tag, NULL::bytea AS wrapped_key FROM inserted
       UNION ALL
       SELECT key_id::text, false, iv, tag, wrapped_key FROM ${KEYSTORE_SCHEMA}.data_keys
        WHERE key_id = ANY($1::uuid[]) AND key_id NOT IN (SELECT key_id FROM inserted)`,
      [ids, wrapped.map((w) => w.iv), wrapped.map((w) => w.tag), wrapped.map((w) => w.ciphertext)],
    )) as KeyRow[];
    const keys = new Map<string, Buffer>();
    for (const row of rows) {
      keys.set(row.key_id, row.created === true ? fresh.get(row.key_id)! : this.unwrap(row.key_id, row));
    }
    // Stored by a transaction that committed after this statement's snapshot: read them now.
    const unseen = ids.filter((keyId) => !keys.has(keyId));
    if (unseen.length > 0) {
      const stored = await this.getAll(unseen);
      unseen.forEach((keyId, i) => keys.set(keyId, stored[i] ?? fresh.get(keyId)!));
    }
    return keyIds.map((keyId) => keys.get(canonical(keyId))!);
  }

  private async getAll(keyIds: readonly string[]): Promise<(Buffer | null)[]> {
    const rows = (await this.sql.query(`SELECT key_id::text, iv, tag, wrapped_key FROM ${KEYSTORE_SCHEMA}.data_keys WHERE key_id = ANY($1::uuid[])`, [
      [...new Set(keyIds.map(canonical))],
    ])) as KeyRow[];
    const keys = new Map(rows.map((row) => [row.key_id, this.unwrap(row.key_id, row)]));
    return keyIds.map((keyId) => keys.get(canonical(keyId)) ?? null);
  }

  private async destroyAll(keyIds: readonly string[]): Promise<void[]> {
    await this.sql.query(`DELETE FROM ${KEYSTORE_SCHEMA}.data_keys WHERE key_id = ANY($1::uuid[])`, [[...new Set(keyIds.map(canonical))]]);
    return keyIds.map(() => undefined);
  }

  private unwrap(keyId: string, row: KeyRow): Buffer {
    return decrypt(this.masterKey, { iv: row.iv!, tag: row.tag!, ciphertext: row.wrapped_key! }, Buffer.from(keyId));
  }
}

/** Key ids are UUIDs: PostgreSQL answers them in lower case. */
function canonical(keyId: string): string {
  return keyId.toLowerCase();
}
