import { createHmac } from 'node:crypto';

/** A keyed hash of a principal id: lets a participant find their own submissions, names nobody. */
export function submitterRefOf(secret: Buffer, principalId: string): string {
  return createHmac('sha256', secret).update(`submitter:${principalId}`).digest('base64url');
}
