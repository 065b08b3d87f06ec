import { BASELINE_PROFILE, ProfileErrorCode } from '@ais/ais-profile';
import type { FieldRemoval, ObjectFailure } from '@ais/contracts';
import type { AuditEvent } from '../projection/audit-events';

/**
 * The §4.1 metrics. Names (and dimension values) are stored, so they never change once released;
 * `docs/audit.md` defines each one and its source events.
 */
export const AUDIT_METRICS = [
  'received',
  'received-objects',
  'triage-accepted',
  'triage-rejected',
  'rejected',
  'rejection-reason',
  'published',
  'personal-information-removed',
  'personal-information-removed-fields',
  'personal-information-removed-by-type',
  'personal-information-removed-by-detector',
  'notices-issued',
  'classification',
  'prohibited-field-removed',
  'federal-reads',
  'federal-objects-served',
  'usage-actions',
] as const;
export type AuditMetric = (typeof AUDIT_METRICS)[number];

/** What each metric counts and what its dimension is, for the API, the dashboard and CSV headers. */
export const METRIC_DEFINITIONS: Readonly<Record<AuditMetric, { readonly dimension: string; readonly counts: string }>> = {
  received: { dimension: 'channel', counts: 'submissions received: TAXII (SubmissionReceived), web form and e-mail (ManualSubmissionReceived)' },
  'received-objects': { dimension: 'channel', counts: 'objects received: objectCount of SubmissionReceived (TAXII) and of TriageAccepted (web form, e-mail)' },
  'triage-accepted': { dimension: 'channel', counts: 'web-form and e-mail submissions an analyst accepted into the pipeline (TriageAccepted)' },
  'triage-rejected': { dimension: 'channel', counts: 'web-form and e-mail submissions an analyst rejected (TriageRejected)' },
  rejected: { dimension: 'all', counts: 'submissions rejected as a whole by validation (SubmissionRejected)' },
  'rejection-reason': { dimension: 'reason code', counts: 'reasons given for refusing a submission (SubmissionRejected.reasons) or one of its objects (SubmissionValidated.failures)' },
  published: { dimension: 'STIX type', counts: 'object versions published to the federal entities (IndicatorPublished)' },
  'personal-information-removed': {
    dimension: 'stage',
    counts: 'objects from which personal information was removed: automated (FieldsHeld); after review (ReviewDecided redacting or deleting a withheld field, or correcting a notice)',
  },
  'personal-information-removed-fields': {
    dimension: 'stage',
    counts: 'fields removed as personal information: automated (SubmissionScreened.heldFieldCount); after review (ReviewDecided: fields redacted or deleted, plus paths removed)',
  },
  'personal-information-removed-by-type': { dimension: 'STIX type', counts: 'objects with fields withheld by automated screening, by type (FieldsHeld)' },
  'personal-information-removed-by-detector': { dimension: 'detector', counts: 'fields withheld by automated screening, by the detector that held them (FieldsHeld.fields)' },
  'notices-issued': { dimension: 'all', counts: 'notices issued by federal entities for a failure to remove personal information (PiiNoticeFiled), whatever their outcome' },
  classification: { dimension: 'marking', counts: 'objects assessed for their TLP marking: valid, valid-after-pruning, missing, conflict (SubmissionValidated, SubmissionRejected)' },
  'prohibited-field-removed': { dimension: 'type/property', counts: 'fields removed because the AIS Profile does not allow them (SubmissionValidated.removals), by object type and property' },
  'federal-reads': { dimension: 'federal entity', counts: 'reads of TAXII root federal (FederalObjectsRead); `none` for admins' },
  'federal-objects-served': { dimension: 'federal entity', counts: 'object versions returned by TAXII root federal (FederalObjectsRead.objectCount)' },
  'usage-actions': { dimension: 'action', counts: 'actions by a person recorded in the usage log' },
};

/** The dimension of a metric that has none. */
export const NO_DIMENSION = 'all';

/** Stages of personal-information removal: automated screening now, human review with issue 5. */
export const AUTOMATED = 'automated';
export const AFTER_REVIEW = 'after-review';

/** The `classification` dimensions; the first two are properly classified. */
export const CLASSIFICATIONS = ['valid', 'valid-after-pruning', 'missing', 'conflict'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** Add `value` to a metric's count for a UTC day and a dimension (a channel, a code …, never an id). */
export interface CountIncrement {
  /** YYYY-MM-DD, UTC. */
  readonly day: string;
  readonly metric: AuditMetric;
  readonly dimension: string;
  readonly value: number;
}

/** The UTC day of an envelope's `occurredAt`. */
export function utcDayOf(occurredAt: string): string {
  // A UTC timestamp (what buildEvent writes) names its day in its first ten characters.
  return /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?Z$/.test(occurredAt) ? occurredAt.slice(0, 10) : new Date(occurredAt).toISOString().slice(0, 10);
}

const MARKING_EXEMPT_TYPES: ReadonlySet<string> = new Set(BASELINE_PROFILE.minimum.markingExemptTypes);
const MARKING_PROPERTY = 'object_marking_refs';
const MARKING_FAILURES: Readonly<Record<string, Classification>> = {
  [ProfileErrorCode.TlpMarkingMissing]: 'missing',
  [ProfileErrorCode.TlpMarkingConflict]: 'conflict',
};

/**
 * Property names that may appear in a dimension: those of the AIS Profile and the STIX 2.1 ones it
 * leaves out. Any other name is the submitter's own and is written `*`: a key chosen by a submitter
 * could itself carry personal information, and dimensions reach metric labels.
 */
const KNOWN_PROPERTIES: ReadonlySet<string> = new Set([
  ...Object.values(BASELINE_PROFILE.objectTypes).flatMap((rule) => Object.keys(rule.properties)),
  ...['lang', 'granular_markings', 'extensions', 'contact_information', 'personal_motivations', 'threat_actor_roles', 'architecture_execution_envs'],
  ...['implementation_languages', 'capabilities', 'sample_refs', 'operating_system_refs', 'infrastructure_refs', 'x_mitre_version', 'opinion', 'explanation'],
  ...['authors', 'object_modified', 'result', 'analysis_engine_version', 'tactical_objective', 'action_type', 'action_reference', 'action_bin', 'location_type'],
]);

/** `indicator/indicator_types[]` for `/indicator_types/1` on an indicator; `*` for an unknown property. */
export function removalDimension(removal: Pick<FieldRemoval, 'objectId' | 'path'>): string {
  const separator = removal.objectId.indexOf('--');
  const type = separator > 0 ? removal.objectId.slice(0, separator) : '*';
  const [, first = '', ...rest] = removal.path.split('/');
  const property = first.replace(/~1/g, '/').replace(/~0/g, '~');
  const name = KNOWN_PROPERTIES.has(property) ? property : '*';
  return `${/^[a-z0-9]+(-[a-z0-9]+)*$/.test(type) ? type : '*'}/${name}${rest.length > 0 ? '[]' : ''}`;
}

function isMarkingRemoval(removal: FieldRemoval): boolean {
  return removal.path === `/${MARKING_PROPERTY}` || removal.path.startsWith(`/${MARKING_PROPERTY}/`);
}

function markingFailures(day: string, failures: readonly ObjectFailure[]): CountIncrement[] {
  return failures.flatMap((failure) => {
    const classification = MARKING_FAILURES[failure.code];
    return classification === undefined || failure.objectId === undefined ? [] : [{ day, metric: 'classification', dimension: classification, value: 1 } as const];
  });
}

function reasonCodes(day: string, failures: readonly ObjectFailure[]): CountIncrement[] {
  return failures.map((failure) => ({ day, metric: 'rejection-reason', dimension: failure.code, value: 1 }));
}

/**
 * What an event adds to the §4.1 counts. Pure: the same event always gives the same increments, so
 * replaying the log rebuilds the counts exactly. Person actions are counted by the usage decider.
 */
export function countIncrements(event: AuditEvent): CountIncrement[] {
  const day = utcDayOf(event.occurredAt);
  switch (event.type) {
    case 'SubmissionReceived':
      return [
        { day, metric: 'received', dimension: event.data.channel, value: 1 },
        { day, metric: 'received-objects', dimension: event.data.channel, value: event.data.objectCount },
      ];
    case 'ManualSubmissionReceived':
      return [{ day, metric: 'received', dimension: event.data.channel, value: 1 }];
    case 'TriageAccepted':
      return [
        { day, metric: 'triage-accepted', dimension: event.data.channel, value: 1 },
        { day, metric: 'received-objects', dimension: event.data.channel, value: event.data.objectCount },
      ];
    case 'TriageRejected':
      return [{ day, metric: 'triage-rejected', dimension: event.data.channel, value: 1 }];
    case 'SubmissionRejected':
      return [{ day, metric: 'rejected', dimension: NO_DIMENSION, value: 1 }, ...reasonCodes(day, event.data.reasons), ...markingFailures(day, event.data.reasons)];
    case 'SubmissionValidated': {
      const markingPruned = new Set(event.data.removals.filter(isMarkingRemoval).map((removal) => removal.objectId));
      const assessed: CountIncrement[] = event.data.objects
        .filter((object) => !MARKING_EXEMPT_TYPES.has(object.type))
        .map((object) => ({ day, metric: 'classification', dimension: markingPruned.has(object.id) ? 'valid-after-pruning' : 'valid', value: 1 }));
      return [
        ...assessed,
        ...markingFailures(day, event.data.failures),
        ...reasonCodes(day, event.data.failures),
        ...event.data.removals.map((removal): CountIncrement => ({ day, metric: 'prohibited-field-removed', dimension: removalDimension(removal), value: 1 })),
      ];
    }
    case 'SubmissionScreened':
      return event.data.heldFieldCount > 0 ? [{ day, metric: 'personal-information-removed-fields', dimension: AUTOMATED, value: event.data.heldFieldCount }] : [];
    case 'FieldsHeld': {
      const byDetector = new Map<string, number>();
      for (const field of event.data.fields) {
        byDetector.set(field.detector, (byDetector.get(field.detector) ?? 0) + 1);
      }
      return [
        { day, metric: 'personal-information-removed', dimension: AUTOMATED, value: 1 },
        { day, metric: 'personal-information-removed-by-type', dimension: event.data.objectType, value: 1 },
        ...[...byDetector].map(([detector, value]): CountIncrement => ({ day, metric: 'personal-information-removed-by-detector', dimension: detector, value })),
      ];
    }
    case 'ReviewDecided': {
      // After review, personal information is removed by redaction or deletion of withheld fields,
      // or, on a notice, by redacting or removing published fields (§4.1).
      const removed = event.data.fields.filter((field) => field.outcome === 'redacted' || field.outcome === 'deleted').length + (event.data.removed?.length ?? 0);
      return removed === 0
        ? []
        : [
            { day, metric: 'personal-information-removed', dimension: AFTER_REVIEW, value: 1 },
            { day, metric: 'personal-information-removed-fields', dimension: AFTER_REVIEW, value: removed },
          ];
    }
    case 'IndicatorPublished':
      return [{ day, metric: 'published', dimension: event.data.object.type, value: 1 }];
    case 'FederalObjectsRead': {
      const entity = event.data.federalEntity ?? 'none';
      const reads: CountIncrement = { day, metric: 'federal-reads', dimension: entity, value: 1 };
      return event.data.objectCount > 0 ? [reads, { day, metric: 'federal-objects-served', dimension: entity, value: event.data.objectCount }] : [reads];
    }
    case 'PiiNoticeFiled':
      // Counted when filed: a notice dismissed as unfounded was still issued (§4.1).
      return [{ day, metric: 'notices-issued', dimension: NO_DIMENSION, value: 1 }];
    // Person actions only: the usage decider records them (and counts them as `usage-actions`).
    case 'PiiNoticeDismissed':
    case 'UsageRecorded':
    case 'ContactRequested':
    case 'ContactRequestAnswered':
    case 'SubmitterIdentityReleased':
    case 'ProfileChangeProposed':
    case 'ProfileChangeObjected':
    case 'ProfileChangeCommented':
    case 'ProfileChangeEscalated':
    case 'ProfileChangeAccepted':
    case 'ProfileChangeWithdrawn':
    case 'ProfileEmergencyChangeApplied':
      return [];
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/** One stored count: a metric's value for a UTC day and a dimension. */
export interface DayCount {
  readonly day: string;
  readonly metric: string;
  readonly dimension: string;
  readonly value: number;
}

/** Sums daily counts over their days: metric → dimension → count. */
export function totalsOf(days: readonly DayCount[]): Record<string, Record<string, number>> {
  const totals: Record<string, Record<string, number>> = {};
  for (const { metric, dimension, value } of days) {
    const byDimension = (totals[metric] ??= {});
    byDimension[dimension] = (byDimension[dimension] ?? 0) + value;
  }
  return totals;
}

/** The extent properly classified: objects with a valid TLP marking over the objects assessed. */
export interface ClassificationSummary {
  readonly valid: number;
  readonly validAfterPruning: number;
  readonly missing: number;
  readonly conflict: number;
  readonly assessed: number;
  /** (valid + valid-after-pruning) / assessed; null when nothing was assessed. */
  readonly ratio: number | null;
  /** valid / assessed: properly classified as submitted, without any marking pruned. */
  readonly ratioAsSubmitted: number | null;
}

export function classificationOf(byDimension: Readonly<Record<string, number>>): ClassificationSummary {
  const valid = byDimension.valid ?? 0;
  const validAfterPruning = byDimension['valid-after-pruning'] ?? 0;
  const missing = byDimension.missing ?? 0;
  const conflict = byDimension.conflict ?? 0;
  const assessed = valid + validAfterPruning + missing + conflict;
  return {
    valid,
    validAfterPruning,
    missing,
    conflict,
    assessed,
    ratio: assessed === 0 ? null : (valid + validAfterPruning) / assessed,
    ratioAsSubmitted: assessed === 0 ? null : valid / assessed,
  };
}
