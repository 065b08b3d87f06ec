import { IsIn, IsString, Matches, MinLength } from 'class-validator';

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

  /** Base64 of 32 bytes: wraps the per-submission data keys in the key store. */
  @Matches(/^[A-Za-z0-9+/]{43}=$/)
  AIS_MASTER_KEY: string = DEVELOPMENT_MASTER_KEY;

  /**
   * Where the per-submission data keys live. Only `postgres` exists in this build (libs/sealing
   * PostgresKeyStore, keys wrapped by AIS_MASTER_KEY). A Vault/KMS store is not built yet, so
   * `vault` is refused at start rather than silently falling back (docs/operations.md).
   */
  @IsIn(['postgres'])
  AIS_KEY_STORE = 'postgres' as const;
}
