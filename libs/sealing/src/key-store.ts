/**
 * Where data keys live. Destroying a key deletes, at once, every copy of what it sealed (replicas,
 * backups, consumer caches). Locally a PostgreSQL table; in production a KMS or Vault.
 */
export interface KeyStore {
  /** The key stored under this id, created when there is none: a retried create keeps the first. */
  create(keyId: string): Promise<Buffer>;
  /** The key, or null once destroyed (or never created). */
  get(keyId: string): Promise<Buffer | null>;
  destroy(keyId: string): Promise<void>;
}
