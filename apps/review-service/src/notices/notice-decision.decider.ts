import type { FieldDecision } from '@ais/contracts';
import { isWithin, type ObjectField } from './object-paths';

/** What the analyst decides on a notice: correct the published object, or dismiss the notice. */
export interface NoticeDecisionInput {
  readonly outcome: 'correct' | 'dismiss';
  readonly remove: readonly string[];
  readonly redact: readonly { readonly path: string; readonly text: string }[];
}

export enum NoticeDecisionErrorCode {
  AlreadyDecided = 'AIS_REVIEW_NOTICE_ALREADY_DECIDED',
  DismissalWithChanges = 'AIS_REVIEW_NOTICE_DISMISSAL_WITH_CHANGES',
  ObjectUnknown = 'AIS_REVIEW_NOTICE_OBJECT_UNKNOWN',
  NothingChosen = 'AIS_REVIEW_NOTICE_NOTHING_CHOSEN',
  PathNotInObject = 'AIS_REVIEW_NOTICE_PATH_NOT_IN_OBJECT',
  PathsOverlap = 'AIS_REVIEW_NOTICE_PATHS_OVERLAP',
  NotRedactable = 'AIS_REVIEW_NOTICE_NOT_REDACTABLE',
  RedactionEmpty = 'AIS_REVIEW_NOTICE_REDACTION_EMPTY',
}

/** The task and the latest published version of its object (null: not published here, or not yet seen). */
export interface NoticeDecisionState {
  readonly state: string;
  readonly fields: readonly ObjectField[] | null;
}

export type NoticeDecision =
  | {
      readonly ok: true;
      readonly outcome: 'correct';
      /** `ReviewDecided.fields`: one `redacted` entry per redacted path. */
      readonly fields: FieldDecision[];
      /** Path → the analyst's redacted text. */
      readonly restored: Record<string, string>;
      readonly removed: string[];
      /** `redacted` when any text was redacted, else `deleted`. */
      readonly taskState: 'redacted' | 'deleted';
    }
  | { readonly ok: true; readonly outcome: 'dismiss'; readonly taskState: 'rejected' }
  | { readonly ok: false; readonly code: NoticeDecisionErrorCode };

/**
 * §4.1: decides a notice. A correction names fields of the latest published version to remove or
 * to redact (text fields only); the paths must exist there, may not overlap, and at least one is
 * needed. A dismissal changes nothing in the object. A decided notice is not decided again.
 */
export function decideNotice(task: NoticeDecisionState, input: NoticeDecisionInput): NoticeDecision {
  if (task.state !== 'open' && task.state !== 'claimed') {
    return { ok: false, code: NoticeDecisionErrorCode.AlreadyDecided };
  }
  if (input.outcome === 'dismiss') {
    if (input.remove.length > 0 || input.redact.length > 0) {
      return { ok: false, code: NoticeDecisionErrorCode.DismissalWithChanges };
    }
    return { ok: true, outcome: 'dismiss', taskState: 'rejected' };
  }
  if (task.fields === null) {
    return { ok: false, code: NoticeDecisionErrorCode.ObjectUnknown };
  }
  const chosen = [...input.remove, ...input.redact.map((r) => r.path)];
  if (chosen.length === 0) {
    return { ok: false, code: NoticeDecisionErrorCode.NothingChosen };
  }
  const known = new Map(task.fields.map((field) => [field.path, field]));
  if (chosen.some((path) => !known.has(path))) {
    return { ok: false, code: NoticeDecisionErrorCode.PathNotInObject };
  }
  if (chosen.some((path, i) => chosen.some((other, j) => i !== j && isWithin(path, other)))) {
    return { ok: false, code: NoticeDecisionErrorCode.PathsOverlap };
  }
  if (input.redact.some((r) => known.get(r.path)?.redactable !== true)) {
    return { ok: false, code: NoticeDecisionErrorCode.NotRedactable };
  }
  if (input.redact.some((r) => r.text.trim() === '')) {
    return { ok: false, code: NoticeDecisionErrorCode.RedactionEmpty };
  }
  return {
    ok: true,
    outcome: 'correct',
    fields: input.redact.map((r) => ({ path: r.path, outcome: 'redacted' as const })),
    restored: Object.fromEntries(input.redact.map((r) => [r.path, r.text])),
    removed: [...input.remove],
    taskState: input.redact.length > 0 ? 'redacted' : 'deleted',
  };
}
