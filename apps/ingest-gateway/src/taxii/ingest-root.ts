import type { Principal, Role } from '@ais/auth';
import { STIX_MEDIA_TYPE, TAXII_MEDIA_TYPE } from '@ais/taxii';

/**
 * The largest POST body accepted (TAXII `max_content_length`); the JSON limits are in
 * `ENVELOPE_LIMITS`, all of which a body of this size can still reach (10,000 minimal objects
 * take about 600 KB, 200,000 values 400 KB).
 *
 * A submission travels whole as one `SubmissionReceived` record, which the broker refuses over
 * 1 MiB (`message.max.bytes`, default 1,048,588 bytes). What a body of B bytes becomes:
 * - plaintext P: its objects as `JSON.stringify` writes them, never longer than the body (no
 *   whitespace, escapes kept or shortened), plus the submitter's identity: P ≤ B + 8 KiB;
 * - AES-256-GCM ciphertext of the same length, in base64: 4⌈P/3⌉ bytes of the record value;
 * - around it the event envelope (ids, timestamps, key id, IV, tag: about 600 bytes) and the
 *   record's key, headers and batch header (about 250 bytes): 4 KiB reserved.
 * So 4⌈(B + 8,192)/3⌉ + 4,096 ≤ 1,048,576 for B ≤ 775,168; 720 KiB (737,280) leaves 37,888
 * bytes (5 %) of margin (`max-content-length.spec.ts` seals a body of this size and measures).
 *
 * Not covered: numbers that `JSON.stringify` writes longer than sent (`1e20` becomes 21 digits),
 * and an identity over 8 KiB. Such a submission meets the broker's refusal, answered with the
 * same 413 (SubmitObjectsAdapter); raising the limit instead would need `max.message.bytes` on
 * every topic a whole submission travels.
 */
export const MAX_CONTENT_LENGTH = 720 * 1024;

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
