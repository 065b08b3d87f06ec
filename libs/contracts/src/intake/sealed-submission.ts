import type { ConsentLevel, StixObject, SubmitterProfile } from '../common';

/** The plaintext inside {@link SubmissionReceivedV1.sealedContent}. */
export interface SealedSubmission {
  readonly objects: StixObject[];
  readonly submitter: SubmitterIdentity;
}

/** The submitter as registered; released only with consent (§2.3.1.3). */
export interface SubmitterIdentity {
  readonly principalId: string;
  readonly organisation: string;
  readonly profile: SubmitterProfile;
  readonly defaultConsent: ConsentLevel;
}
