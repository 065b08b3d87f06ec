import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** The messaging library's metrics; labels hold topics, groups and event types, never ids. */
export class MessagingMetrics {
  readonly consumed: Counter<'group' | 'topic' | 'type'>;
  readonly produced: Counter<'topic' | 'type'>;
  readonly failed: Counter<'group' | 'topic' | 'code'>;
  readonly deadLettered: Counter<'group' | 'topic' | 'code'>;
  readonly handlerDuration: Histogram<'group' | 'type'>;
  readonly batchDuration: Histogram<'group' | 'topic'>;
  readonly consumerLag: Gauge<'group' | 'topic' | 'partition'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.consumed = new Counter({
      name: 'ais_events_consumed_total',
      help: 'Events read from the log and handed to a handler',
      labelNames: ['group', 'topic', 'type'],
      registers,
    });
    this.produced = new Counter({
      name: 'ais_events_produced_total',
      help: 'Events written to the log (committed)',
      labelNames: ['topic', 'type'],
      registers,
    });
    this.failed = new Counter({
      name: 'ais_events_failed_total',
      help: 'Handler or batch failures, retried or dead-lettered',
      labelNames: ['group', 'topic', 'code'],
      registers,
    });
    this.deadLettered = new Counter({
      name: 'ais_events_dead_lettered_total',
      help: 'Records moved to a dead-letter topic',
      labelNames: ['group', 'topic', 'code'],
      registers,
    });
    this.handlerDuration = new Histogram({
      name: 'ais_handler_duration_seconds',
      help: 'Time a handler took for one event',
      labelNames: ['group', 'type'],
      buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
      registers,
    });
    this.batchDuration = new Histogram({
      name: 'ais_batch_duration_seconds',
      help: 'Time to process and commit one batch, transaction included',
      labelNames: ['group', 'topic'],
      buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.consumerLag = new Gauge({
      name: 'ais_consumer_lag',
      help: 'Records between the last processed offset and the high watermark',
      labelNames: ['group', 'topic', 'partition'],
      registers,
    });
  }
}
