import { CodedError } from '@ais/observability';
import { HttpStatus } from '@nestjs/common';
import { NoticeDecisionErrorCode } from './notice-decision.decider';

export enum NoticeErrorCode {
  NotFound = 'AIS_REVIEW_NOTICE_NOT_FOUND',
  NoFederalEntity = 'AIS_REVIEW_NOTICE_NO_FEDERAL_ENTITY',
  RepositoryUnavailable = 'AIS_REVIEW_PUBLISHED_REPOSITORY_UNAVAILABLE',
}

/** Every notice error code's HTTP status; a code without one does not compile. */
export const NOTICE_ERROR_STATUS: Readonly<Record<NoticeErrorCode | NoticeDecisionErrorCode, HttpStatus>> = {
  [NoticeErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [NoticeErrorCode.NoFederalEntity]: HttpStatus.FORBIDDEN,
  [NoticeErrorCode.RepositoryUnavailable]: HttpStatus.SERVICE_UNAVAILABLE,
  [NoticeDecisionErrorCode.AlreadyDecided]: HttpStatus.CONFLICT,
  [NoticeDecisionErrorCode.ObjectUnknown]: HttpStatus.CONFLICT,
  [NoticeDecisionErrorCode.DismissalWithChanges]: HttpStatus.UNPROCESSABLE_ENTITY,
  [NoticeDecisionErrorCode.NothingChosen]: HttpStatus.UNPROCESSABLE_ENTITY,
  [NoticeDecisionErrorCode.PathNotInObject]: HttpStatus.UNPROCESSABLE_ENTITY,
  [NoticeDecisionErrorCode.PathsOverlap]: HttpStatus.UNPROCESSABLE_ENTITY,
  [NoticeDecisionErrorCode.NotRedactable]: HttpStatus.UNPROCESSABLE_ENTITY,
  [NoticeDecisionErrorCode.RedactionEmpty]: HttpStatus.UNPROCESSABLE_ENTITY,
};

/** Reasons name the rule, never a path or a value. */
const REASONS: Readonly<Record<NoticeErrorCode | NoticeDecisionErrorCode, string>> = {
  [NoticeErrorCode.NotFound]: 'no such notice',
  [NoticeErrorCode.NoFederalEntity]: 'only a principal of a federal entity may file a notice',
  [NoticeErrorCode.RepositoryUnavailable]: 'the published repository is not set up yet (version-publisher has not run its migrations)',
  [NoticeDecisionErrorCode.AlreadyDecided]: 'the notice is decided already',
  [NoticeDecisionErrorCode.DismissalWithChanges]: 'a dismissal removes and redacts nothing',
  [NoticeDecisionErrorCode.ObjectUnknown]: 'no published version of the object is known here (yet): it cannot be corrected',
  [NoticeDecisionErrorCode.NothingChosen]: 'a correction removes or redacts at least one field',
  [NoticeDecisionErrorCode.PathNotInObject]: 'a path is not a field of the latest published version (or names its identity)',
  [NoticeDecisionErrorCode.PathsOverlap]: 'a path lies inside another one of the same decision',
  [NoticeDecisionErrorCode.NotRedactable]: 'only a text field under a property name can be redacted',
  [NoticeDecisionErrorCode.RedactionEmpty]: 'a redaction needs its text',
};

export function noticeError(code: NoticeErrorCode | NoticeDecisionErrorCode): CodedError {
  return new CodedError(code, NOTICE_ERROR_STATUS[code], REASONS[code]);
}
