import type { StixErrorCode } from './error-codes';

/**
 * One broken rule. `path` is a JSON Pointer into the object (`''` is the object itself); like
 * `message` it names properties and rules, never a submitted value.
 */
export interface StixError {
  readonly code: StixErrorCode;
  readonly path: string;
  readonly message: string;
}

export interface StixValidationResult {
  readonly valid: boolean;
  readonly errors: readonly StixError[];
}

/** Beyond this the list stops growing: a hostile object must not turn into a huge rejection. */
export const MAX_ERRORS_PER_OBJECT = 50;

/** Once the list is full, rules stop walking long lists: nothing more would be reported. */
export function isFull(errors: readonly StixError[]): boolean {
  return errors.length >= MAX_ERRORS_PER_OBJECT;
}

export function report(errors: StixError[], code: StixErrorCode, path: string, message: string): void {
  if (errors.length < MAX_ERRORS_PER_OBJECT) {
    errors.push({ code, path, message });
  }
}
