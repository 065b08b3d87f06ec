import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BacklogRow } from './review-backlog';

/**
 * Open tasks per kind and the age of the oldest, by the database clock (the same clock that
 * stamped `created_at`). Undecided means `decided_at IS NULL` (open or claimed; a CHECK ties the
 * two), which the partial index `tasks_undecided_kind_created_at_idx` answers without reading
 * decided tasks.
 */
@Injectable()
export class ReviewBacklogRepository {
  constructor(private readonly dataSource: DataSource) {}

  async undecided(): Promise<BacklogRow[]> {
    const rows: { kind: string; open: number; oldest_age_seconds: number }[] = await this.dataSource.query(
      `SELECT kind, count(*)::int AS open, EXTRACT(EPOCH FROM now() - min(created_at))::float8 AS oldest_age_seconds
         FROM review.tasks
        WHERE decided_at IS NULL
        GROUP BY kind`,
    );
    return rows.map((row) => ({ kind: row.kind, open: row.open, oldestAgeSeconds: row.oldest_age_seconds }));
  }
}
