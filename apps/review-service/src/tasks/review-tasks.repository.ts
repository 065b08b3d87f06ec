import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReviewTask, TaskKind, TaskState } from './review-task';

/** The columns every listing reads; never `sealed_content`. */
export const TASK_COLUMNS = `id, kind, state, created_at, claimed_by, claimed_at, decided_at, decided_by,
  submission_id, channel, submission_kind, received_at`;

export interface TaskRow {
  id: string;
  kind: TaskKind;
  state: TaskState;
  created_at: Date;
  claimed_by: string | null;
  claimed_at: Date | null;
  decided_at: Date | null;
  decided_by: string | null;
  submission_id: string | null;
  channel: 'web-form' | 'email' | null;
  submission_kind: 'indicator' | 'defensive-measure' | null;
  received_at: Date | null;
}

export function toReviewTask(row: TaskRow): ReviewTask {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    createdAt: row.created_at.toISOString(),
    claimedBy: row.claimed_by,
    claimedAt: row.claimed_at?.toISOString() ?? null,
    decidedAt: row.decided_at?.toISOString() ?? null,
    decidedBy: row.decided_by,
    triage:
      row.kind === 'triage' && row.submission_id !== null && row.channel !== null && row.submission_kind !== null && row.received_at !== null
        ? { submissionId: row.submission_id, channel: row.channel, submissionKind: row.submission_kind, receivedAt: row.received_at.toISOString() }
        : null,
  };
}

@Injectable()
export class ReviewTasksRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: { state: TaskState | null; kind: TaskKind | null; limit: number }): Promise<ReviewTask[]> {
    const rows: TaskRow[] = await this.dataSource.query(
      `SELECT ${TASK_COLUMNS}
         FROM review.tasks
        WHERE ($1::text IS NULL OR state = $1::text) AND ($2::text IS NULL OR kind = $2::text)
        ORDER BY created_at, id
        LIMIT $3`,
      [filter.state, filter.kind, filter.limit],
    );
    return rows.map(toReviewTask);
  }
}
