import type { Principal, Role } from '@ais/auth';
import { STIX_MEDIA_TYPE, TAXII_MEDIA_TYPE } from '@ais/taxii';

/** The largest POST body accepted (TAXII `max_content_length`); the JSON limits are in `ENVELOPE_LIMITS`. */
export const MAX_CONTENT_LENGTH = 10 * 1024 * 1024;

/** Who may add objects to the ingest collection; federal consumers see it with `can_write: false`. */
export const WRITER_ROLES: readonly Role[] = ['participant', 'admin'];

/** The write-only collection participants submit to (AIS calls theirs "3"; ours is a UUID). */
export const INGEST_COLLECTION = {
  id: '6f4b7f9e-3a52-4c8e-9b1d-2f0c5e8a7d41',
  title: 'AIS submissions',
  description: 'Cyber threat indicators and defensive measures submitted to AIS Exchange',
  can_read: false,
  can_write: true,
  media_types: [STIX_MEDIA_TYPE],
} as const;

export type IngestCollection = Omit<typeof INGEST_COLLECTION, 'can_write'> & { readonly can_write: boolean };

export function canWrite(principal: Principal): boolean {
  return WRITER_ROLES.includes(principal.role);
}

/** The collection as the caller sees it: `can_read`/`can_write` are per requester (TAXII 2.1 §5.2). */
export function collectionFor(principal: Principal): IngestCollection {
  return { ...INGEST_COLLECTION, can_write: canWrite(principal) };
}

export const INGEST_API_ROOT = {
  title: 'AIS Exchange ingest',
  description: 'Submit cyber threat indicators and defensive measures (CISA 2015, §3.2)',
  versions: [TAXII_MEDIA_TYPE],
  max_content_length: MAX_CONTENT_LENGTH,
} as const;
