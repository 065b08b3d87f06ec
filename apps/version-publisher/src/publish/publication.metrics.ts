import { METRICS_REGISTRY } from '@ais/observability';
import { Inject, Injectable } from '@nestjs/common';
import { Histogram, type Registry } from 'prom-client';
import { publicationLatencySeconds } from './publication-latency';

/**
 * `ais_publication_latency_seconds`: receipt of a submission to the commit that published its
 * first versions to the federal entities, one observation per submission. Buckets around the
 * 1 s p99 target. No labels: the receipt time is the only thing read from the event.
 */
@Injectable()
export class PublicationMetrics {
  private readonly latency: Histogram;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.latency = new Histogram({
      name: 'ais_publication_latency_seconds',
      help: 'Time from the receipt of a submission to the commit publishing its first versions',
      buckets: [0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2.5, 5, 10],
      registers: [registry],
    });
  }

  published(receivedAt: string | undefined, publishedAtMs: number): void {
    const seconds = publicationLatencySeconds(receivedAt, publishedAtMs);
    if (seconds !== null) {
      this.latency.observe(seconds);
    }
  }
}
