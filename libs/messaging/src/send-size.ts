import type { Message, TopicMessages } from 'kafkajs';

/**
 * The most record-value bytes one produce request carries. kafkajs writes one record batch per
 * partition per request, and the broker refuses a batch over `message.max.bytes` (1 MiB by
 * default) with MESSAGE_TOO_LARGE: half of it leaves room for keys, headers and batch overhead.
 */
export const SEND_MAX_BYTES = 512 * 1024;

/** The bytes of a record value (what counts towards the broker's limit, but for small overhead). */
export function sizeOf(value: Message['value']): number {
  if (value === null) {
    return 0;
  }
  return typeof value === 'string' ? Buffer.byteLength(value) : value.length;
}

/** One entry per topic, records in the order they came. */
export function mergeByTopic(topicMessages: readonly TopicMessages[]): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const { topic, messages } of topicMessages) {
    const merged = byTopic.get(topic) ?? [];
    merged.push(...messages);
    byTopic.set(topic, merged);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

/**
 * Splits records into consecutive sends of at most `maxBytes` of values each (a record larger
 * than that goes alone). Sent one after another, every partition keeps its records' order.
 */
export function splitIntoSends(topicMessages: readonly TopicMessages[], maxBytes = SEND_MAX_BYTES): TopicMessages[][] {
  const sends: TopicMessages[][] = [];
  let current: TopicMessages[] = [];
  let bytes = 0;
  for (const { topic, messages } of topicMessages) {
    for (const message of messages) {
      const size = sizeOf(message.value);
      if (current.length > 0 && bytes + size > maxBytes) {
        sends.push(mergeByTopic(current));
        current = [];
        bytes = 0;
      }
      current.push({ topic, messages: [message] });
      bytes += size;
    }
  }
  if (current.length > 0) {
    sends.push(mergeByTopic(current));
  }
  return sends;
}
