/** What an analyst reviews: a field withheld by screening (§2.3.2.2), a web-form or e-mail submission (§3.2), a notice (§4.1). */
export const TASK_KINDS = ['held-field', 'manual-submission', 'notice'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/**
 * Open, or the decision that closed it: held fields are released, redacted or deleted; manual
 * submissions accepted or rejected; notices acknowledged.
 */
export const TASK_STATES = ['open', 'released', 'redacted', 'deleted', 'accepted', 'rejected', 'acknowledged'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export interface ReviewTask {
  readonly id: string;
  readonly kind: TaskKind;
  readonly state: TaskState;
  readonly createdAt: string;
  readonly decidedAt: string | null;
  readonly decidedBy: string | null;
}
