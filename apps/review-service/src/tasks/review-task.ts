import type { ManualChannel, ManualSubmissionKind } from '@ais/contracts';

/** What an analyst reviews: a field withheld by screening (§2.3.2.2), a web-form or e-mail submission to triage (§3.2), a notice (§4.1). */
export const TASK_KINDS = ['held-field', 'triage', 'notice'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/**
 * Open, claimed by an analyst, or the decision that closed it: held fields are released, redacted
 * or deleted; triage tasks accepted or rejected; notices acknowledged.
 */
export const TASK_STATES = ['open', 'claimed', 'released', 'redacted', 'deleted', 'accepted', 'rejected', 'acknowledged'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** What a triage task says about its submission without opening the seal. */
export interface TriageSummary {
  readonly submissionId: string;
  readonly channel: ManualChannel;
  readonly submissionKind: ManualSubmissionKind;
  readonly receivedAt: string;
}

export interface ReviewTask {
  readonly id: string;
  readonly kind: TaskKind;
  readonly state: TaskState;
  readonly createdAt: string;
  readonly claimedBy: string | null;
  readonly claimedAt: string | null;
  readonly decidedAt: string | null;
  readonly decidedBy: string | null;
  /** Present on triage tasks only. */
  readonly triage: TriageSummary | null;
}
