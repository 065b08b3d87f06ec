import { deadLetterTopicOf } from '@ais/contracts';
import type { KafkaMessage, Message } from 'kafkajs';

export const DEAD_LETTER_HEADERS = {
  originTopic: 'ais-dlq-origin-topic',
  originPartition: 'ais-dlq-origin-partition',
  originOffset: 'ais-dlq-origin-offset',
  group: 'ais-dlq-group',
  errorCode: 'ais-dlq-error-code',
  errorClass: 'ais-dlq-error-class',
  reason: 'ais-dlq-reason',
  attempts: 'ais-dlq-attempts',
  failedAt: 'ais-dlq-failed-at',
} as const;

export interface DeadLetterCause {
  readonly code: string;
  readonly errorClass: string;
  /** Names rules and properties, never values (decodeEvent guarantees this for envelope errors). */
  readonly reason: string;
  readonly attempts: number;
}

export interface DeadLetterOrigin {
  readonly topic: string;
  readonly partition: number;
  readonly group: string;
}

/**
 * The record moves to `<topic>.dlq` unchanged, so an operator can inspect and replay it; the
 * headers say where it came from and why it failed.
 */
export function buildDeadLetter(
  message: KafkaMessage,
  origin: DeadLetterOrigin,
  cause: DeadLetterCause,
  now: Date,
): { topic: string; message: Message } {
  return {
    topic: deadLetterTopicOf(origin.topic),
    message: {
      key: message.key,
      value: message.value,
      headers: {
        ...message.headers,
        [DEAD_LETTER_HEADERS.originTopic]: origin.topic,
        [DEAD_LETTER_HEADERS.originPartition]: String(origin.partition),
        [DEAD_LETTER_HEADERS.originOffset]: message.offset,
        [DEAD_LETTER_HEADERS.group]: origin.group,
        [DEAD_LETTER_HEADERS.errorCode]: cause.code,
        [DEAD_LETTER_HEADERS.errorClass]: cause.errorClass,
        [DEAD_LETTER_HEADERS.reason]: cause.reason,
        [DEAD_LETTER_HEADERS.attempts]: String(cause.attempts),
        [DEAD_LETTER_HEADERS.failedAt]: now.toISOString(),
      },
    },
  };
}
