import { derivedUuid } from '@ais/contracts';
import type { FreshIds } from './anonymize-submission.decider';

/**
 * Ids for a submission's anonymous identity, derived with a secret from the submission id: the
 * same on a redo after a crash (so the stage stays idempotent), unlinkable across submissions
 * (submission ids are random, and the secret never leaves the service).
 */
export function freshIdsFor(secret: Buffer, submissionId: string): FreshIds {
  const uuid = (purpose: string) => derivedUuid(Buffer.concat([secret, Buffer.from(`:${purpose}:${submissionId}`)]));
  return { identity: `identity--${uuid('identity')}`, location: `location--${uuid('location')}`, locatedAt: `relationship--${uuid('located-at')}` };
}
