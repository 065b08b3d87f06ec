import { IsString, Matches, MinLength } from 'class-validator';

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
}
