import { KafkaJSError } from 'kafkajs';

export enum MessagingErrorCode {
  HandlerFailed = 'AIS_MESSAGING_HANDLER_FAILED',
  NoHandler = 'AIS_MESSAGING_NO_HANDLER',
  OutputInvalid = 'AIS_MESSAGING_OUTPUT_INVALID',
}

/**
 * Thrown by handlers for failures that will pass by themselves (a database restart, a lock
 * timeout): the batch is retried with backoff instead of dead-lettered.
 */
export class RetriableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RetriableError';
  }
}

const RETRIABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
// PostgreSQL SQLSTATE classes that a retry can cure: connection (08), resources (53),
// operator intervention such as a restart (57P), serialization and deadlock (40).
const RETRIABLE_SQLSTATE = /^(08|53|57P|40)/;

/** Decides whether a handler failure is transient (retry) or poison (dead letter). */
export function isRetriable(error: unknown): boolean {
  if (error instanceof RetriableError) {
    return true;
  }
  if (error instanceof KafkaJSError) {
    return error.retriable;
  }
  if (typeof error === 'object' && error !== null) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && (RETRIABLE_NODE_CODES.has(code) || RETRIABLE_SQLSTATE.test(code))) {
      return true;
    }
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string' && /Connection terminated|connection timeout|timeout exceeded when trying to connect|the database system is/i.test(message)) {
      return true;
    }
    const driverError = (error as { driverError?: unknown }).driverError;
    if (driverError !== undefined && driverError !== error) {
      return isRetriable(driverError);
    }
  }
  return false;
}

/** An error's class name only: error messages may quote the values that caused them. */
export function errorClassOf(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${error.name}:${code}` : error.name;
  }
  return typeof error;
}
