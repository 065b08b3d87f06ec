import type { Principal } from '@ais/auth';
import { CodedError } from '@ais/observability';
import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReviewTask } from '../tasks/review-task';
import { TASK_COLUMNS, toReviewTask, type TaskRow } from '../tasks/review-tasks.repository';

/**
 * An analyst claims an open held-field task, so others see it is being worked on. Recorded like
 * a triage claim: the task's `claimed_by`/`claimed_at` and a `claim` row in `review.task_actions`
 * with the analyst's id. Claiming again one's own task changes nothing; a task claimed by another
 * analyst or decided is refused. A decision does not require a claim (the decision API predates it).
 */
@Injectable()
export class HeldFieldClaimAdapter {
  constructor(private readonly dataSource: DataSource) {}

  async claim(id: string, analyst: Principal, now: Date): Promise<ReviewTask> {
    const at = now.toISOString();
    return this.dataSource.transaction(async (tx) => {
      const rows: TaskRow[] = await tx.query(`SELECT ${TASK_COLUMNS} FROM review.tasks WHERE id = $1 AND kind = 'held-field' FOR UPDATE`, [id]);
      const task = rows[0];
      if (task === undefined) {
        throw new CodedError('AIS_REVIEW_TASK_NOT_FOUND', HttpStatus.NOT_FOUND, 'no such held-field task');
      }
      if (task.state === 'claimed' && task.claimed_by === analyst.id) {
        return toReviewTask(task);
      }
      if (task.state === 'claimed') {
        throw new CodedError('AIS_REVIEW_CLAIMED_BY_ANOTHER', HttpStatus.CONFLICT, 'another analyst has claimed the task');
      }
      if (task.state !== 'open') {
        throw new CodedError('AIS_REVIEW_ALREADY_DECIDED', HttpStatus.CONFLICT, 'the task has already been decided');
      }
      await tx.query(`UPDATE review.tasks SET state = 'claimed', claimed_by = $2, claimed_at = $3 WHERE id = $1`, [id, analyst.id, at]);
      await tx.query(`INSERT INTO review.task_actions (task_id, action, principal_id, at) VALUES ($1, 'claim', $2, $3)`, [id, analyst.id, at]);
      const updated: TaskRow[] = await tx.query(`SELECT ${TASK_COLUMNS} FROM review.tasks WHERE id = $1`, [id]);
      return toReviewTask(updated[0]!);
    });
  }
}
