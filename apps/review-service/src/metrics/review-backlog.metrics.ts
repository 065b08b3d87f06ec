import { METRICS_REGISTRY } from '@ais/observability';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Gauge, type Registry } from 'prom-client';
import { backlogByKind, type KindBacklog } from './review-backlog';
import { ReviewBacklogRepository } from './review-backlog.repository';

/**
 * The review backlog, read from PostgreSQL at scrape time (every replica reports the same):
 * `ais_review_open_tasks{kind}` and `ais_review_oldest_open_task_age_seconds{kind}`, for the
 * alert on tasks waiting too long for an analyst. Labels are task kinds from a fixed set.
 */
@Injectable()
export class ReviewBacklogMetrics {
  private readonly logger = new Logger(ReviewBacklogMetrics.name);
  /** One query per scrape: both gauges' collect() share it while it runs. */
  private pending: Promise<KindBacklog[] | null> | null = null;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry, repository: ReviewBacklogRepository) {
    const read = (): Promise<KindBacklog[] | null> => {
      this.pending ??= repository
        .undecided()
        .then(backlogByKind)
        // A failed query leaves the gauges empty for this scrape rather than failing all of /metrics.
        .catch((error: unknown) => {
          this.logger.warn(`review backlog query failed (${error instanceof Error ? error.name : 'unknown'})`);
          return null;
        })
        .finally(() => {
          this.pending = null;
        });
      return this.pending;
    };
    const registers = [registry];
    new Gauge({
      name: 'ais_review_open_tasks',
      help: 'Review tasks not yet decided (open or claimed), per kind',
      labelNames: ['kind'],
      registers,
      async collect() {
        const backlog = await read();
        this.reset();
        for (const { kind, open } of backlog ?? []) {
          this.set({ kind }, open);
        }
      },
    });
    new Gauge({
      name: 'ais_review_oldest_open_task_age_seconds',
      help: 'Age of the oldest review task not yet decided, per kind (0 when none is open)',
      labelNames: ['kind'],
      registers,
      async collect() {
        const backlog = await read();
        this.reset();
        for (const { kind, oldestAgeSeconds } of backlog ?? []) {
          this.set({ kind }, oldestAgeSeconds);
        }
      },
    });
  }
}
