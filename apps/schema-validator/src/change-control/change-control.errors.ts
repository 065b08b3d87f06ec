import { CodedError } from '@ais/observability';
import { HttpStatus } from '@nestjs/common';
import { CHANGE_CONTROL_ERROR_MESSAGES, ChangeControlErrorCode, type DecisionErrorCode } from './change-control.decider';
import { ProfileChangeErrorCode } from '@ais/ais-profile';

/** Refusals of the board API that are not the decider's. */
export enum BoardAccessErrorCode {
  NotABoardMember = 'AIS_CCB_NOT_A_BOARD_MEMBER',
  NotCaughtUp = 'AIS_CCB_NOT_CAUGHT_UP',
  UnknownVersion = 'AIS_CCB_UNKNOWN_VERSION',
}

export type BoardErrorCode = DecisionErrorCode | BoardAccessErrorCode;

/** Every code's HTTP status: a code without one does not compile. */
export const BOARD_HTTP_STATUS: Readonly<Record<BoardErrorCode, HttpStatus>> = {
  [ProfileChangeErrorCode.Invalid]: HttpStatus.BAD_REQUEST,
  [ProfileChangeErrorCode.UnknownVocabulary]: HttpStatus.BAD_REQUEST,
  [ProfileChangeErrorCode.AlreadyInProfile]: HttpStatus.CONFLICT,
  [ProfileChangeErrorCode.NotInProfile]: HttpStatus.CONFLICT,
  [ProfileChangeErrorCode.ProtectedField]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ChangeControlErrorCode.UnknownProposal]: HttpStatus.NOT_FOUND,
  [ChangeControlErrorCode.ProposalExists]: HttpStatus.CONFLICT,
  [ChangeControlErrorCode.ProposalClosed]: HttpStatus.CONFLICT,
  [ChangeControlErrorCode.FieldUnderProposal]: HttpStatus.CONFLICT,
  [ChangeControlErrorCode.ObjectionWindowClosed]: HttpStatus.CONFLICT,
  [ChangeControlErrorCode.OwnProposal]: HttpStatus.FORBIDDEN,
  [ChangeControlErrorCode.AlreadyObjected]: HttpStatus.CONFLICT,
  [ChangeControlErrorCode.NotObjected]: HttpStatus.CONFLICT,
  [ChangeControlErrorCode.AlreadyEscalated]: HttpStatus.CONFLICT,
  [ChangeControlErrorCode.ChairOnly]: HttpStatus.FORBIDDEN,
  [ChangeControlErrorCode.ProposerOrChairOnly]: HttpStatus.FORBIDDEN,
  [ChangeControlErrorCode.DhsOnly]: HttpStatus.FORBIDDEN,
  [ChangeControlErrorCode.NoProfile]: HttpStatus.SERVICE_UNAVAILABLE,
  [BoardAccessErrorCode.NotABoardMember]: HttpStatus.FORBIDDEN,
  [BoardAccessErrorCode.NotCaughtUp]: HttpStatus.SERVICE_UNAVAILABLE,
  [BoardAccessErrorCode.UnknownVersion]: HttpStatus.NOT_FOUND,
};

const ACCESS_MESSAGES: Readonly<Record<BoardAccessErrorCode, string>> = {
  [BoardAccessErrorCode.NotABoardMember]: 'board members are federal consumers acting for their federal entity, or admins acting for the chair',
  [BoardAccessErrorCode.NotCaughtUp]: 'the board has not yet read every change-control event; try again shortly',
  [BoardAccessErrorCode.UnknownVersion]: 'no AIS Profile version with this number',
};

export function boardError(code: BoardErrorCode): CodedError {
  const message = (CHANGE_CONTROL_ERROR_MESSAGES as Record<string, string>)[code] ?? ACCESS_MESSAGES[code as BoardAccessErrorCode];
  return new CodedError(code, BOARD_HTTP_STATUS[code], message);
}
