import { ENVELOPE_HEADERS, EVENT_CATALOG, type AnyEvent, type EventEnvelope } from '@ais/contracts';
import type { Message } from 'kafkajs';

/** One event as a Kafka record: key = aggregate id, JSON value, type and version also as headers. */
export function encodeEvent(event: EventEnvelope): Message {
  return {
    key: event.key,
    value: JSON.stringify(event),
    headers: {
      [ENVELOPE_HEADERS.type]: event.type,
      [ENVELOPE_HEADERS.schemaVersion]: String(event.schemaVersion),
      [ENVELOPE_HEADERS.eventId]: event.eventId,
    },
  };
}

export function topicOf(event: AnyEvent, topicPrefix = ''): string {
  return topicPrefix + EVENT_CATALOG[event.type].topic;
}

/** Groups outbound events per topic for one `sendBatch`. */
export function toTopicMessages(events: readonly AnyEvent[], topicPrefix = ''): { topic: string; messages: Message[] }[] {
  const byTopic = new Map<string, Message[]>();
  for (const event of events) {
    const topic = topicOf(event, topicPrefix);
    const messages = byTopic.get(topic) ?? [];
    messages.push(encodeEvent(event));
    byTopic.set(topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
