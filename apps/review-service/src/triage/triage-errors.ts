import { CodedError } from '@ais/observability';
import { HttpStatus } from '@nestjs/common';
import { TriageErrorCode } from './triage.decider';

/** Every triage error code's HTTP status; a code without one does not compile. */
export const TRIAGE_ERROR_STATUS: Readonly<Record<TriageErrorCode, HttpStatus>> = {
  [TriageErrorCode.TaskNotFound]: HttpStatus.NOT_FOUND,
  [TriageErrorCode.NotATriageTask]: HttpStatus.CONFLICT,
  [TriageErrorCode.NotClaimed]: HttpStatus.CONFLICT,
  [TriageErrorCode.ClaimedByAnother]: HttpStatus.CONFLICT,
  [TriageErrorCode.AlreadyDecided]: HttpStatus.CONFLICT,
  [TriageErrorCode.ContentDeleted]: HttpStatus.GONE,
  [TriageErrorCode.ContentUnusable]: HttpStatus.UNPROCESSABLE_ENTITY,
  [TriageErrorCode.LogUnavailable]: HttpStatus.SERVICE_UNAVAILABLE,
};

const REASONS: Readonly<Record<TriageErrorCode, string>> = {
  [TriageErrorCode.TaskNotFound]: 'no such review task',
  [TriageErrorCode.NotATriageTask]: 'the task is not a triage task',
  [TriageErrorCode.NotClaimed]: 'claim the task before deciding it',
  [TriageErrorCode.ClaimedByAnother]: 'another analyst has claimed the task',
  [TriageErrorCode.AlreadyDecided]: 'the task has already been decided',
  [TriageErrorCode.ContentDeleted]: 'the submission content has been deleted',
  [TriageErrorCode.ContentUnusable]: 'the submission content cannot be turned into STIX objects',
  [TriageErrorCode.LogUnavailable]: 'the decision could not be recorded; try again',
};

export function triageError(code: TriageErrorCode, reason = REASONS[code]): CodedError {
  return new CodedError(code, TRIAGE_ERROR_STATUS[code], reason);
}
