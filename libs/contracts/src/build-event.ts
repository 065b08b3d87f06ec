import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from './envelope';
import { EVENT_CATALOG, type EventDataMap, type EventType } from './event-catalog';

export type EventOf<T extends EventType> = EventEnvelope<T, EventDataMap[T]>;
export type AnyEvent = { [T in EventType]: EventOf<T> }[EventType];

export interface EventOrigin {
  readonly key: string;
  readonly producer: string;
  /** The submission id, end to end. */
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly occurredAt: Date;
  readonly eventId?: string;
}

/** Stamps a payload with the envelope of its current schema version. */
export function buildEvent<T extends EventType>(type: T, data: EventDataMap[T], origin: EventOrigin): EventOf<T> {
  return {
    eventId: origin.eventId ?? randomUUID(),
    type,
    schemaVersion: EVENT_CATALOG[type].schemaVersion,
    key: origin.key,
    occurredAt: origin.occurredAt.toISOString(),
    correlationId: origin.correlationId,
    causationId: origin.causationId,
    producer: origin.producer,
    data,
  };
}

/** An event caused by another: same correlation, the cause's id as causation. */
export function buildCausedEvent<T extends EventType>(
  type: T,
  data: EventDataMap[T],
  cause: Pick<EventEnvelope, 'eventId' | 'correlationId'>,
  origin: { key: string; producer: string; occurredAt: Date },
): EventOf<T> {
  return buildEvent(type, data, { ...origin, correlationId: cause.correlationId, causationId: cause.eventId });
}
