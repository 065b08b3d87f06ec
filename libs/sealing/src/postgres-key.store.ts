import { randomBytes } from 'node:crypto';
import { decrypt, encrypt } from './aes-gcm';
import type { KeyStore } from './key-store';

export const KEYSTORE_SCHEMA = 'keystore';

interface WrappedRow {
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
 * dump alone opens nothing. Destroying deletes the row.
 */
export class PostgresKeyStore implements KeyStore {
  constructor(
    private readonly sql: SqlRunner,
    private readonly masterKey: Buffer,
  ) {
    if (masterKey.length !== 32) {
      throw new Error('the master key must be 32 bytes');
    }
  }

  async create(keyId: string): Promise<Buffer> {
    const key = randomBytes(32);
    const wrapped = encrypt(this.masterKey, key, Buffer.from(keyId));
    // One round trip: the insert, or the key stored before (a retried create after a crash keeps
    // the first key: the stored one wins).
    const rows = (await this.sql.query(
      `WITH inserted AS (
         INSERT INTO ${KEYSTORE_SCHEMA}.data_keys (key_id, iv, tag, wrapped_key) VALUES ($1, $2, $3, $4)
         ON CONFLICT (key_id) DO NOTHING RETURNING key_id
       )
       SELECT true AS created, NULL::bytea AS iv, NULL::bytea AS tag, NULL::bytea AS wrapped_key FROM inserted
       UNION ALL
       SELECT false, iv, tag, wrapped_key FROM ${KEYSTORE_SCHEMA}.data_keys WHERE key_id = $1 AND NOT EXISTS (SELECT 1 FROM inserted)`,
      [keyId, wrapped.iv, wrapped.tag, wrapped.ciphertext],
    )) as WrappedRow[];
    const row = rows[0];
    if (row?.created === true) {
      return key;
    }
    // Stored by a transaction that committed after this statement's snapshot: read it now.
    return row === undefined ? ((await this.get(keyId)) ?? key) : this.unwrap(keyId, row);
  }

  async get(keyId: string): Promise<Buffer | null> {
    const rows = (await this.sql.query(`SELECT iv, tag, wrapped_key FROM ${KEYSTORE_SCHEMA}.data_keys WHERE key_id = $1`, [keyId])) as WrappedRow[];
    const row = rows[0];
    return row === undefined ? null : this.unwrap(keyId, row);
  }

  async destroy(keyId: string): Promise<void> {
    await this.sql.query(`DELETE FROM ${KEYSTORE_SCHEMA}.data_keys WHERE key_id = $1`, [keyId]);
  }

  private unwrap(keyId: string, row: WrappedRow): Buffer {
    return decrypt(this.masterKey, { iv: row.iv!, tag: row.tag!, ciphertext: row.wrapped_key! }, Buffer.from(keyId));
  }
}
