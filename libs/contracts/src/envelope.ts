/** The one envelope every record of the event log carries (ARCHITECTURE.md §3). */
export interface EventEnvelope<TType extends string = string, TData = unknown> {
  readonly eventId: string;
  readonly type: TType;
  readonly schemaVersion: number;
  /** The aggregate id: the submission id until screening, the STIX object id after. */
  readonly key: string;
  readonly occurredAt: string;
  /** The submission id, end to end. */
  readonly correlationId: string;
  /** The event that caused this one; null for events caused by a person or a request. */
  readonly causationId: string | null;
  readonly producer: string;
  readonly data: TData;
}

export const ENVELOPE_HEADERS = {
  type: 'ais-type',
  schemaVersion: 'ais-schema-version',
  eventId: 'ais-event-id',
} as const;
