import type { EventOf } from '@ais/contracts';

/** The events the counts are made of. */
export type CountedEvent = EventOf<'SubmissionReceived'> | EventOf<'SubmissionRejected'> | EventOf<'IndicatorPublished'>;

/** §4.1 metrics; the names are stored, so they never change once released. */
export const AUDIT_METRICS = ['received', 'rejected', 'published', 'personal-information-removed'] as const;
export type AuditMetric = (typeof AUDIT_METRICS)[number];

/** The dimension of a metric that has none. */
export const NO_DIMENSION = 'all';

/** Add one to a metric's count for a UTC day and a dimension (a channel, a STIX type …, never an id). */
export interface CountIncrement {
  /** YYYY-MM-DD, UTC. */
  readonly day: string;
  readonly metric: AuditMetric;
  readonly dimension: string;
}

/** The UTC day of an envelope's `occurredAt`. */
export function utcDayOf(occurredAt: string): string {
  return new Date(occurredAt).toISOString().slice(0, 10);
}

/**
 * What an event adds to the §4.1 counts: submissions received per channel, submissions rejected,
 * objects published per STIX type, and of those the ones whose personal information was removed.
 */
export function countIncrements(event: CountedEvent): CountIncrement[] {
  const day = utcDayOf(event.occurredAt);
  switch (event.type) {
    case 'SubmissionReceived':
      return [{ day, metric: 'received', dimension: event.data.channel }];
    case 'SubmissionRejected':
      return [{ day, metric: 'rejected', dimension: NO_DIMENSION }];
    case 'IndicatorPublished': {
      const dimension = event.data.object.type;
      const published: CountIncrement = { day, metric: 'published', dimension };
      return event.data.heldFieldCount > 0 ? [published, { day, metric: 'personal-information-removed', dimension }] : [published];
    }
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
