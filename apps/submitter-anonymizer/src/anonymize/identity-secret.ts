import type { ServiceConfig } from '@ais/config';
import { createHash } from 'node:crypto';

/** The service's secret for derived ids and submitter references, derived from the master key. */
export const IDENTITY_SECRET = Symbol('IDENTITY_SECRET');

export function identitySecretOf(config: ServiceConfig): Buffer {
  return createHash('sha256').update('ais-submitter-anonymizer').update(Buffer.from(config.security.AIS_MASTER_KEY, 'base64')).digest();
}
