import type { SubmissionAnonymizedV1, SubmissionScreenedV1 } from '@ais/contracts';

/**
 * Walking-skeleton decider: clears every field. Issue 4 brings the detectors that hold personal
 * information for review (§2.3.2.1) and drop nuisance indicators (§2.3.2.3).
 */
export function screenSubmission(anonymized: SubmissionAnonymizedV1): SubmissionScreenedV1 {
  return {
    submissionId: anonymized.submissionId,
    profileVersion: anonymized.profileVersion,
    objects: anonymized.objects,
    submitter: anonymized.submitter,
    consent: anonymized.consent,
    failures: anonymized.failures,
    replaced: anonymized.replaced,
    heldFieldCount: 0,
  };
}
