import type { IngestGatewayConfig } from '@ais/config';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { INGEST_GATEWAY_CONFIG } from '../taxii/ingest-gateway.config';

/** `() => Date`: the clock retention runs on; tests inject their own. */
export const STATUS_CLOCK = Symbol('STATUS_CLOCK');

/** How often expired statuses are looked for; retention is counted in hours, so this is plenty. */
export const STATUS_PURGE_INTERVAL_MS = 15 * 60_000;
const PURGE_BATCH = 5_000;

/**
 * Deletes status resources that completed more than `AIS_STATUS_RETENTION_HOURS` ago (at least
 * 24, default 168), with their objects. A pending status is never deleted; a deleted one answers
 * 404, as an unknown one does (TAXII 2.1 interop: kept at least 24 h after completion). Every
 * replica may run it: deleting is idempotent.
 */
@Injectable()
export class StatusRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('StatusRetention');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(INGEST_GATEWAY_CONFIG) private readonly config: IngestGatewayConfig,
    @Inject(STATUS_CLOCK) private readonly clock: () => Date,
  ) {}

  get retentionHours(): number {
    return this.config.statuses.AIS_STATUS_RETENTION_HOURS;
  }

  onApplicationBootstrap(): void {
    const tick = () => {
      this.running ??= this.purgeExpired()
        .catch((error: unknown) => this.logger.warn(`status purge failed: ${error instanceof Error ? error.name : 'error'}`))
        .finally(() => (this.running = null));
    };
    tick();
    this.timer = setInterval(tick, STATUS_PURGE_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer !== null) {
      clearInterval(this.timer);
      this.timer = null;
    }
    await this.running;
  }

  /** Deletes what completed before `now` minus the retention; returns how many statuses went. */
  async purgeExpired(now: Date = this.clock()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.retentionHours * 3_600_000);
    let deleted = 0;
    for (;;) {
      // Counted by a SELECT: TypeORM answers a bare DELETE with [rows, rowCount].
      const rows: { count: number }[] = await this.dataSource.query(
        `WITH gone AS (
           DELETE FROM gateway.status_resources WHERE id IN (
             SELECT id FROM gateway.status_resources WHERE completed_at < $1 ORDER BY completed_at LIMIT ${PURGE_BATCH})
           RETURNING id)
         SELECT count(*)::int AS count FROM gone`,
        [cutoff],
      );
      const count = rows[0]?.count ?? 0;
      deleted += count;
      if (count < PURGE_BATCH) {
        break;
      }
    }
    if (deleted > 0) {
      this.logger.log(`removed ${deleted} status resources completed more than ${this.retentionHours} h ago`);
    }
    return deleted;
  }
}
