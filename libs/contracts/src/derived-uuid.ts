import { createHash } from 'node:crypto';

/**
 * A UUID derived from a seed (SHA-256, laid out as a version-5 UUID): the same seed gives the same
 * id, so a stage redone after a crash mints the ids it minted before. Seeds must carry something
 * random (a submission id, a secret) when the id must not be guessable or linkable.
 */
export function derivedUuid(seed: string | Buffer): string {
  const bytes = createHash('sha256').update(seed).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
