import type { FieldDecision, FieldOutcome } from '@ais/contracts';

/** What the analyst submits for one withheld field. */
export interface FieldDecisionInput {
  readonly path: string;
  readonly outcome: FieldOutcome;
  /** For `redacted`: the value with the personal part edited out. */
  readonly redactedText?: string;
}

export enum DecisionErrorCode {
  AlreadyDecided = 'AIS_REVIEW_ALREADY_DECIDED',
  FieldNotHeld = 'AIS_REVIEW_FIELD_NOT_HELD',
  FieldUndecided = 'AIS_REVIEW_FIELD_UNDECIDED',
  FieldDecidedTwice = 'AIS_REVIEW_FIELD_DECIDED_TWICE',
  RedactionMissing = 'AIS_REVIEW_REDACTION_MISSING',
  ContentDeleted = 'AIS_REVIEW_CONTENT_DELETED',
}

export type TaskOutcome = 'released' | 'redacted' | 'deleted';

export type HeldFieldDecision =
  | {
      readonly ok: true;
      readonly fields: FieldDecision[];
      /** Path → value to publish again: released values as held, redacted ones as edited. */
      readonly restored: Record<string, unknown>;
      readonly taskState: TaskOutcome;
    }
  | { readonly ok: false; readonly code: DecisionErrorCode };

/**
 * §2.3.2.2: an analyst decides every withheld field of a task once — release (no personal
 * information, or personal but directly related to the threat), redact (the edited value is
 * released) or delete. The task ends `deleted` when nothing is released, `redacted` when anything
 * was edited, `released` otherwise.
 */
export function decideHeldFields(
  task: { readonly state: string; readonly heldPaths: readonly string[] },
  values: Readonly<Record<string, unknown>> | null,
  decisions: readonly FieldDecisionInput[],
): HeldFieldDecision {
  if (task.state !== 'open' && task.state !== 'claimed') {
    return { ok: false, code: DecisionErrorCode.AlreadyDecided };
  }
  if (values === null) {
    return { ok: false, code: DecisionErrorCode.ContentDeleted };
  }
  const seen = new Set<string>();
  for (const decision of decisions) {
    if (!task.heldPaths.includes(decision.path)) {
      return { ok: false, code: DecisionErrorCode.FieldNotHeld };
    }
    if (seen.has(decision.path)) {
      return { ok: false, code: DecisionErrorCode.FieldDecidedTwice };
    }
    if (decision.outcome === 'redacted' && (decision.redactedText === undefined || decision.redactedText.trim() === '')) {
      return { ok: false, code: DecisionErrorCode.RedactionMissing };
    }
    seen.add(decision.path);
  }
  if (task.heldPaths.some((path) => !seen.has(path))) {
    return { ok: false, code: DecisionErrorCode.FieldUndecided };
  }
  const restored: Record<string, unknown> = {};
  for (const decision of decisions) {
    if (decision.outcome === 'released-no-pii' || decision.outcome === 'released-related') {
      restored[decision.path] = values[decision.path];
    } else if (decision.outcome === 'redacted') {
      restored[decision.path] = decision.redactedText;
    }
  }
  const outcomes = decisions.map((d) => d.outcome);
  const taskState: TaskOutcome = outcomes.every((o) => o === 'deleted') ? 'deleted' : outcomes.includes('redacted') ? 'redacted' : 'released';
  return { ok: true, fields: decisions.map(({ path, outcome }) => ({ path, outcome })), restored, taskState };
}
