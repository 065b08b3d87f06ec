import { createHmac } from 'node:crypto';
import type { FreshIds } from './anonymize-submission.decider';

/**
 * Ids for a submission's anonymous identity, derived with a secret from the submission id: the
 * same on a redo after a crash (so the stage stays idempotent), unlinkable across submissions
 * (submission ids are random, and the secret never leaves the service).
 */
export function freshIdsFor(secret: Buffer, submissionId: string): FreshIds {
  const uuid = (purpose: string) => {
    const bytes = createHmac('sha256', secret).update(`${purpose}:${submissionId}`).digest().subarray(0, 16);
    bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4 layout: indistinguishable from random ids
    bytes[8] = (bytes[8]! & 0x3f) | 0x80;
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
  return { identity: `identity--${uuid('identity')}`, location: `location--${uuid('location')}`, locatedAt: `relationship--${uuid('located-at')}` };
}
