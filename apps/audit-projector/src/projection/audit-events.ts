import { EVENT_CATALOG, type EventOf, type EventType } from '@ais/contracts';

/** The consumer group of the audit projections (counts and usage log, one checkpoint). */
export const AUDIT_GROUP = 'audit-projector.audit';

/**
 * The audit group reads every pipeline topic, and each topic-partition's batch is a PostgreSQL
 * transaction under the audit lock: at 500 objects/s the default fetch gave ~35 of them a second.
 * Counts and usage entries may lag by a second; the broker holds a fetch until 1 MiB or 1 s.
 */
export const AUDIT_FETCH = { minBytes: 1024 * 1024, maxWaitTimeInMs: 1_000 } as const;

/**
 * Every event type the audit projections read. A type added here must be handled (or deliberately
 * ignored) by each decider: their switches are exhaustive over {@link AuditEvent}.
 */
export const AUDIT_EVENT_TYPES = [
  'SubmissionReceived',
  'ManualSubmissionReceived',
  'TriageAccepted',
  'TriageRejected',
  'SubmissionRejected',
  'SubmissionValidated',
  'SubmissionScreened',
  'FieldsHeld',
  'ReviewDecided',
  'PiiNoticeFiled',
  'PiiNoticeDismissed',
  'IndicatorPublished',
  'FederalObjectsRead',
  'UsageRecorded',
  'ContactRequested',
  'ContactRequestAnswered',
  'SubmitterIdentityReleased',
  'ProfileChangeProposed',
  'ProfileChangeObjected',
  'ProfileChangeCommented',
  'ProfileChangeEscalated',
  'ProfileChangeAccepted',
  'ProfileChangeWithdrawn',
  'ProfileEmergencyChangeApplied',
] as const satisfies readonly EventType[];

export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];
export type AuditEvent = { [T in AuditEventType]: EventOf<T> }[AuditEventType];

const AUDIT_TYPE_SET: ReadonlySet<string> = new Set(AUDIT_EVENT_TYPES);

export function isAuditEventType(type: string): type is AuditEventType {
  return AUDIT_TYPE_SET.has(type);
}

/** The topics the audit projections read (unprefixed), sorted. */
export function auditTopics(): string[] {
  return [...new Set(AUDIT_EVENT_TYPES.map((type) => EVENT_CATALOG[type].topic))].sort();
}
