/**
 * A record a revising stage cannot turn into a version, whatever the retries: it goes to the
 * dead-letter topic with `code` in its headers. The message names rules, never values or paths.
 */
export class RevisionError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RevisionError';
  }
}
