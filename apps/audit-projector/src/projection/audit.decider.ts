import { countIncrements, utcDayOf, type CountIncrement } from '../counts/daily-counts.decider';
import { usageEntryOf, type UsageEntry } from '../usage/usage-log.decider';
import type { AuditEvent } from './audit-events';

/** Everything one event changes in the audit projections. */
export interface AuditEffects {
  readonly increments: readonly CountIncrement[];
  readonly usage: UsageEntry | null;
}

/** The §4.1 increments of an event and its §4.2 usage entry; a usage entry also counts as `usage-actions`. */
export function auditEffectsOf(event: AuditEvent): AuditEffects {
  const usage = usageEntryOf(event);
  const increments = countIncrements(event);
  return {
    increments: usage === null ? increments : [...increments, { day: utcDayOf(event.occurredAt), metric: 'usage-actions', dimension: usage.action, value: 1 }],
    usage,
  };
}
