import { CodedError } from '@ais/observability';
import { HttpStatus } from '@nestjs/common';

export enum HeldFieldErrorCode {
  ContentUnusable = 'AIS_REVIEW_HELD_FIELD_CONTENT_UNUSABLE',
}

/** Every held-field error code's HTTP status; a code without one does not compile. */
export const HELD_FIELD_ERROR_STATUS: Readonly<Record<HeldFieldErrorCode, HttpStatus>> = {
  [HeldFieldErrorCode.ContentUnusable]: HttpStatus.UNPROCESSABLE_ENTITY,
};

/** Reasons name the problem, never a value. */
const REASONS: Readonly<Record<HeldFieldErrorCode, string>> = {
  [HeldFieldErrorCode.ContentUnusable]: 'the sealed values of this task cannot be opened as its held fields',
};

export function heldFieldError(code: HeldFieldErrorCode): CodedError {
  return new CodedError(code, HELD_FIELD_ERROR_STATUS[code], REASONS[code]);
}
