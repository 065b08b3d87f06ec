import type { SubmissionAnonymizedV1, SubmissionValidatedV1 } from '@ais/contracts';

/**
 * Walking-skeleton decider: passes objects, consent, sector(s) and location on unchanged.
 * Issue 4 replaces identities without consent with fresh per-submission ones (§2.3.1.3).
 */
export function anonymizeSubmission(validated: SubmissionValidatedV1): SubmissionAnonymizedV1 {
  return {
    submissionId: validated.submissionId,
    profileVersion: validated.profileVersion,
    objects: validated.objects,
    submitter: validated.submitter,
    consent: validated.consent,
    failures: validated.failures,
  };
}
