import type { SealedBlob } from '@ais/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { TASK_COLUMNS, toReviewTask, type TaskRow } from '../tasks/review-tasks.repository';
import type { ReviewTask } from '../tasks/review-task';
import type { TriageState } from './triage.decider';

export interface TriageRow extends TaskRow {
  sealed_content: SealedBlob | null;
}

export type TaskAction = 'view' | 'claim' | 'accept' | 'reject';

export interface TaskActionRecord {
  readonly action: TaskAction;
  readonly principalId: string;
  readonly at: string;
}

/** A task as the triage state machine sees it; null for a task that is not (or not yet) triage. */
export function triageStateOf(row: TaskRow): TriageState | null {
  if (row.kind !== 'triage') {
    return null;
  }
  switch (row.state) {
    case 'open':
      return { state: 'open' };
    case 'claimed':
      return row.claimed_by === null || row.claimed_at === null ? null : { state: 'claimed', claimedBy: row.claimed_by, claimedAt: row.claimed_at.toISOString() };
    case 'accepted':
    case 'rejected':
      return row.decided_by === null || row.decided_at === null ? null : { state: row.state, decidedBy: row.decided_by, decidedAt: row.decided_at.toISOString() };
    case 'released':
    case 'redacted':
    case 'deleted':
    case 'acknowledged':
      return null;
    default: {
      const unknownState: never = row.state;
      return unknownState;
    }
  }
}

/** Rows changed by an UPDATE (TypeORM answers `[rows, count]` for it on PostgreSQL). */
function affected(result: unknown): number {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}

export class DecisionConflictError extends Error {
  constructor() {
    super('the submission already has a decision');
    this.name = 'DecisionConflictError';
  }
}

/** The triage queue's rows: tasks with their sealed content, decisions and the action record. */
@Injectable()
export class TriageRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(id: string): Promise<TriageRow | null> {
    const rows: TriageRow[] = await this.dataSource.query(`SELECT ${TASK_COLUMNS}, sealed_content FROM review.tasks WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The task, locked until the transaction ends: decisions on one task happen one at a time. */
  async lock(tx: EntityManager, id: string): Promise<TriageRow | null> {
    const rows: TriageRow[] = await tx.query(`SELECT ${TASK_COLUMNS}, sealed_content FROM review.tasks WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  async claim(tx: EntityManager, id: string, by: string, at: string): Promise<void> {
    const result: unknown = await tx.query(
      `UPDATE review.tasks SET state = 'claimed', claimed_by = $2, claimed_at = $3 WHERE id = $1 AND state = 'open'`,
      [id, by, at],
    );
    if (affected(result) !== 1) {
      throw new DecisionConflictError();
    }
  }

  /**
   * Records an analyst's decision: the decision row (one per submission — a second one violates
   * the primary key) and the task's state, changed only from `claimed`.
   */
  async decide(
    tx: EntityManager,
    task: { id: string; submissionId: string },
    decision: { state: 'accepted' | 'rejected'; by: string; at: string; eventId: string; reason: string | null },
  ): Promise<void> {
    const inserted: unknown[] = await tx.query(
      `INSERT INTO review.triage_decisions (submission_id, decision, event_id, decided_by, decided_at, reason, recorded_from)
       VALUES ($1, $2, $3, $4, $5, $6, 'api') ON CONFLICT DO NOTHING RETURNING submission_id`,
      [task.submissionId, decision.state, decision.eventId, decision.by, decision.at, decision.reason],
    );
    const updated: unknown = await tx.query(
      `UPDATE review.tasks SET state = $2, decided_at = $3, decided_by = $4 WHERE id = $1 AND state = 'claimed'`,
      [task.id, decision.state, decision.at, decision.by],
    );
    if (inserted.length !== 1 || affected(updated) !== 1) {
      throw new DecisionConflictError();
    }
    await this.recordAction(tx, task.id, decision.state === 'accepted' ? 'accept' : 'reject', decision.by, decision.at);
  }

  async recordAction(manager: EntityManager | null, taskId: string, action: TaskAction, principalId: string, at: string): Promise<void> {
    await (manager ?? this.dataSource.manager).query(`INSERT INTO review.task_actions (task_id, action, principal_id, at) VALUES ($1, $2, $3, $4)`, [
      taskId,
      action,
      principalId,
      at,
    ]);
  }

  async history(taskId: string): Promise<TaskActionRecord[]> {
    const rows: { action: TaskAction; principal_id: string; at: Date }[] = await this.dataSource.query(
      `SELECT action, principal_id, at FROM review.task_actions WHERE task_id = $1 ORDER BY at, id`,
      [taskId],
    );
    return rows.map((row) => ({ action: row.action, principalId: row.principal_id, at: row.at.toISOString() }));
  }

  async reviewTask(tx: EntityManager, id: string): Promise<ReviewTask | null> {
    const rows: TaskRow[] = await tx.query(`SELECT ${TASK_COLUMNS} FROM review.tasks WHERE id = $1`, [id]);
    return rows[0] === undefined ? null : toReviewTask(rows[0]);
  }
}
