import type { CountIncrement } from '../counts/daily-counts.decider';
import type { UsageEntry } from '../usage/usage-log.decider';
import { auditEffectsOf } from './audit.decider';
import type { AuditEvent } from './audit-events';

/**
 * The effects of one batch of events, gathered in memory so the batch is written with one
 * multi-row statement per table: increments summed per (day, metric, dimension), usage entries in
 * the order their events came.
 */
export class AuditBatch {
  private readonly counts = new Map<string, { day: string; metric: CountIncrement['metric']; dimension: string; value: number }>();
  private readonly entries: UsageEntry[] = [];
  private readonly entryIds = new Set<string>();
  private applied = 0;

  /** Adds an event's effects; a decider that throws leaves the batch as it was. */
  add(event: AuditEvent): void {
    const effects = auditEffectsOf(event);
    this.applied += 1;
    for (const increment of effects.increments) {
      if (increment.value === 0) {
        continue;
      }
      const key = `${increment.day}\u0000${increment.metric}\u0000${increment.dimension}`;
      const row = this.counts.get(key);
      if (row === undefined) {
        this.counts.set(key, { day: increment.day, metric: increment.metric, dimension: increment.dimension, value: increment.value });
      } else {
        row.value += increment.value;
      }
    }
    if (effects.usage !== null && !this.entryIds.has(effects.usage.eventId)) {
      this.entryIds.add(effects.usage.eventId);
      this.entries.push(effects.usage);
    }
  }

  /** Events added. */
  get events(): number {
    return this.applied;
  }

  get isEmpty(): boolean {
    return this.counts.size === 0 && this.entries.length === 0;
  }

  /** Summed increments, in key order (concurrent writers then lock rows in one order). */
  countRows(): CountIncrement[] {
    return [...this.counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
  }

  usageEntries(): readonly UsageEntry[] {
    return this.entries;
  }
}
