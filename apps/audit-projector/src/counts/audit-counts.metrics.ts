import { METRICS_REGISTRY } from '@ais/observability';
import { Inject, Injectable } from '@nestjs/common';
import { Gauge, type Registry } from 'prom-client';
import { FederalDeliveriesRepository } from '../federal/federal-deliveries.repository';
import { UsageLogRepository } from '../usage/usage-log.repository';
import { classificationOf } from './daily-counts.decider';
import { DailyCountsRepository } from './daily-counts.repository';

/** Dimension values are system names (channels, codes, types, entities); anything else is `other`. */
export function labelOf(dimension: string): string {
  return /^[A-Za-z0-9*][A-Za-z0-9_./[\]*-]{0,99}$/.test(dimension) ? dimension : 'other';
}

/**
 * Prometheus gauges of the §4.1 totals, read from the projection at scrape time (so every replica
 * reports the same): `ais_audit_count{metric, dimension}`, the classified ratio, the usage log's
 * length and the federal groups' positions. Labels are metric and dimension names, never ids.
 */
@Injectable()
export class AuditCountsMetrics {
  constructor(@Inject(METRICS_REGISTRY) registry: Registry, counts: DailyCountsRepository, usage: UsageLogRepository, deliveries: FederalDeliveriesRepository) {
    const registers = [registry];
    new Gauge({
      name: 'ais_audit_count',
      help: 'Total of each §4.1 audit count over all days, per metric and dimension (projected from the event log)',
      labelNames: ['metric', 'dimension'],
      registers,
      async collect() {
        const totals = await counts.totals();
        this.reset();
        const summed = new Map<string, { metric: string; dimension: string; value: number }>();
        for (const { metric, dimension, value } of totals) {
          const label = labelOf(dimension);
          const key = `${metric} ${label}`;
          const entry = summed.get(key) ?? { metric, dimension: label, value: 0 };
          entry.value += value;
          summed.set(key, entry);
        }
        for (const { metric, dimension, value } of summed.values()) {
          this.set({ metric, dimension }, value);
        }
      },
    });
    new Gauge({
      name: 'ais_audit_properly_classified_ratio',
      help: 'Objects with a valid TLP marking (valid + valid-after-pruning) over objects assessed, all days',
      registers,
      async collect() {
        const totals = await counts.totals();
        const ratio = classificationOf(Object.fromEntries(totals.filter((t) => t.metric === 'classification').map((t) => [t.dimension, t.value]))).ratio;
        this.reset();
        if (ratio !== null) {
          this.set(ratio);
        }
      },
    });
    new Gauge({
      name: 'ais_audit_usage_log_entries',
      help: 'Entries in the tamper-evident usage log (§4.2)',
      registers,
      async collect() {
        this.set((await usage.head()).seq);
      },
    });
    new Gauge({
      name: 'ais_audit_federal_offset',
      help: 'Federal entity consumer groups on the output topic, summed over groups and partitions: committed offset, end offset and lag',
      labelNames: ['metric', 'dimension'],
      registers,
      async collect() {
        const groups = await deliveries.groups();
        this.reset();
        const sums = new Map<string, { committed: number; end: number; lag: number }>();
        for (const group of groups) {
          const sum = sums.get(group.entity) ?? { committed: 0, end: 0, lag: 0 };
          sum.committed += group.committedOffset;
          sum.end += group.endOffset;
          sum.lag += group.lag;
          sums.set(group.entity, sum);
        }
        for (const [entity, sum] of sums) {
          this.set({ metric: 'committed', dimension: labelOf(entity) }, sum.committed);
          this.set({ metric: 'end', dimension: labelOf(entity) }, sum.end);
          this.set({ metric: 'lag', dimension: labelOf(entity) }, sum.lag);
        }
      },
    });
  }
}
