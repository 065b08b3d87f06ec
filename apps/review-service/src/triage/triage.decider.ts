/**
 * The triage of a web-form or e-mail submission (§3.2) as a state machine: an analyst claims an
 * open task, and only the analyst holding the claim accepts or rejects it. A decision is final.
 * Pure: the caller supplies who acts and when.
 */

export enum TriageErrorCode {
  TaskNotFound = 'AIS_TRIAGE_TASK_NOT_FOUND',
  NotATriageTask = 'AIS_TRIAGE_NOT_A_TRIAGE_TASK',
  NotClaimed = 'AIS_TRIAGE_NOT_CLAIMED',
  ClaimedByAnother = 'AIS_TRIAGE_CLAIMED_BY_ANOTHER',
  AlreadyDecided = 'AIS_TRIAGE_ALREADY_DECIDED',
  ContentDeleted = 'AIS_TRIAGE_CONTENT_DELETED',
  ContentUnusable = 'AIS_TRIAGE_CONTENT_UNUSABLE',
  LogUnavailable = 'AIS_TRIAGE_LOG_UNAVAILABLE',
}

export type TriageState =
  | { readonly state: 'open' }
  | { readonly state: 'claimed'; readonly claimedBy: string; readonly claimedAt: string }
  | { readonly state: 'accepted'; readonly decidedBy: string; readonly decidedAt: string }
  | { readonly state: 'rejected'; readonly decidedBy: string; readonly decidedAt: string };

export type TriageCommand =
  | { readonly kind: 'claim'; readonly by: string; readonly at: string }
  | { readonly kind: 'accept'; readonly by: string; readonly at: string }
  | { readonly kind: 'reject'; readonly by: string; readonly at: string };

export type TriageTransition =
  | { readonly ok: true; readonly next: TriageState; readonly changed: boolean }
  | { readonly ok: false; readonly error: TriageErrorCode };

function fail(error: TriageErrorCode): TriageTransition {
  return { ok: false, error };
}

export function decideTriage(current: TriageState, command: TriageCommand): TriageTransition {
  switch (current.state) {
    case 'accepted':
    case 'rejected':
      return fail(TriageErrorCode.AlreadyDecided);
    case 'open':
      return command.kind === 'claim'
        ? { ok: true, next: { state: 'claimed', claimedBy: command.by, claimedAt: command.at }, changed: true }
        : fail(TriageErrorCode.NotClaimed);
    case 'claimed':
      if (current.claimedBy !== command.by) {
        return fail(TriageErrorCode.ClaimedByAnother);
      }
      return decideClaimed(current, command);
    default: {
      const unknownState: never = current;
      return unknownState;
    }
  }
}

function decideClaimed(current: TriageState & { state: 'claimed' }, command: TriageCommand): TriageTransition {
  switch (command.kind) {
    case 'claim':
      // Claiming what one already holds changes nothing (a retried request).
      return { ok: true, next: current, changed: false };
    case 'accept':
      return { ok: true, next: { state: 'accepted', decidedBy: command.by, decidedAt: command.at }, changed: true };
    case 'reject':
      return { ok: true, next: { state: 'rejected', decidedBy: command.by, decidedAt: command.at }, changed: true };
    default: {
      const unknownCommand: never = command;
      return unknownCommand;
    }
  }
}

/**
 * A decision read back from the log (after a crash between writing it and recording it, or on a
 * replay) settles the task whatever its claim; a settled task keeps its first decision.
 */
export function settleFromLog(current: TriageState, decision: { readonly state: 'accepted' | 'rejected'; readonly by: string; readonly at: string }): TriageState {
  switch (current.state) {
    case 'open':
    case 'claimed':
      return { state: decision.state, decidedBy: decision.by, decidedAt: decision.at };
    case 'accepted':
    case 'rejected':
      return current;
    default: {
      const unknownState: never = current;
      return unknownState;
    }
  }
}
