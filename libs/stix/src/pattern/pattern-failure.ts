import type { StixErrorCode } from '../error-codes';

/**
 * Thrown inside the lexer and parser to unwind to `parsePattern`, which turns it into a result.
 * The message describes the token kind and the rule, never the text of the pattern.
 */
export class PatternFailure extends Error {
  constructor(
    readonly code: StixErrorCode,
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'PatternFailure';
  }
}
