import { IsIn, IsString, IsUrl, Matches, MinLength, ValidateIf } from 'class-validator';

/**
 * Development defaults, printed by `npm start`; production sets both (the deploy manifests
 * read them from Secrets).
 */
export const DEVELOPMENT_ADMIN_TOKEN = 'dev-admin-token-change-me';
export const DEVELOPMENT_MASTER_KEY = Buffer.alloc(32, 'ais-development-master-key-only!').toString('base64');

export class SecurityEnv {
  /** Bearer token of the bootstrap administrator. */
  @IsString()
  @MinLength(16)
  AIS_ADMIN_TOKEN: string = DEVELOPMENT_ADMIN_TOKEN;

  /**
   * Base64 of 32 bytes: wraps the data keys of the `postgres` key store, and derives the services'
   * other secrets (CSRF tokens, analyst sessions, the anonymizer's identity secret).
   */
  @Matches(/^[A-Za-z0-9+/]{43}=$/)
  AIS_MASTER_KEY: string = DEVELOPMENT_MASTER_KEY;

  /**
   * Where the per-submission data keys live: `postgres` (libs/sealing PostgresKeyStore, each key
   * wrapped by AIS_MASTER_KEY in the services' database) or `vault` (VaultKeyStore, one secret per
   * key in a KV version 2 engine, none in the database; docs/operations.md).
   */
  @IsIn(['postgres', 'vault'])
  AIS_KEY_STORE: 'postgres' | 'vault' = 'postgres';

  /** Vault's address, required with the `vault` store: https in production. */
  @ValidateIf((env: SecurityEnv) => env.AIS_KEY_STORE === 'vault')
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  AIS_VAULT_ADDR?: string;

  /** From a Secret, never committed; required with the `vault` store. */
  @ValidateIf((env: SecurityEnv) => env.AIS_KEY_STORE === 'vault')
  @IsString()
  @MinLength(1)
  AIS_VAULT_TOKEN?: string;

  /** Mount path of the KV version 2 engine that holds the data keys. */
  @Matches(/^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/)
  AIS_VAULT_KV_MOUNT = 'secret';

  /** Path under the mount with one secret per data key; the token's policy covers only this. */
  @Matches(/^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/)
  AIS_VAULT_KEY_PREFIX = 'ais/data-keys';
}
