import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReviewTask, TaskKind, TaskState } from './review-task';

interface Row {
  id: string;
  kind: TaskKind;
  state: TaskState;
  created_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
}

@Injectable()
export class ReviewTasksRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: { state: TaskState | null; kind: TaskKind | null; limit: number }): Promise<ReviewTask[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT id, kind, state, created_at, decided_at, decided_by
         FROM review.tasks
        WHERE ($1::text IS NULL OR state = $1::text) AND ($2::text IS NULL OR kind = $2::text)
        ORDER BY created_at, id
        LIMIT $3`,
      [filter.state, filter.kind, filter.limit],
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      state: row.state,
      createdAt: row.created_at.toISOString(),
      decidedAt: row.decided_at?.toISOString() ?? null,
      decidedBy: row.decided_by,
    }));
  }
}
