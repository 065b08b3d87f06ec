import { derivedUuid, type SealedBlob } from '@ais/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ReviewTask } from '../tasks/review-task';
import { toReviewTask, type TaskRow } from '../tasks/review-tasks.repository';
import type { TaskActionRecord } from '../triage/triage.repository';
import type { HeldFieldRecord } from './held-field-content';

/** What a held-field task says without opening its seal. */
export interface HeldFieldSummary {
  readonly submissionId: string;
  readonly objectId: string;
  readonly objectType: string;
  /** The published version the fields were withheld from. */
  readonly objectVersion: string;
  readonly heldAt: string;
  readonly fields: HeldFieldRecord[];
}

export interface HeldFieldTaskRow {
  readonly task: ReviewTask;
  readonly summary: HeldFieldSummary;
  readonly sealedValues: SealedBlob;
}

/** One `FieldsHeld` as the projection records it, with the log position it came from. */
export interface HeldFieldIntake {
  readonly eventId: string;
  readonly submissionId: string;
  readonly objectId: string;
  readonly objectType: string;
  readonly objectVersion: string;
  readonly fields: readonly HeldFieldRecord[];
  readonly sealedValues: SealedBlob;
  readonly heldAt: string;
  readonly source: { readonly topic: string; readonly partition: number; readonly offset: string };
}

interface Row extends TaskRow {
  hf_submission_id: string;
  object_id: string;
  object_type: string;
  object_version: string;
  fields: HeldFieldRecord[];
  sealed_values: SealedBlob;
  held_at: Date;
}

/** The task columns (never another kind's content) and the held-field details (the seal only). */
const COLUMNS = `t.id, t.kind, t.state, t.created_at, t.claimed_by, t.claimed_at, t.decided_at, t.decided_by,
  t.submission_id, t.channel, t.submission_kind, t.received_at,
  h.submission_id AS hf_submission_id, h.object_id, h.object_type, h.object_version, h.fields, h.sealed_values, h.held_at`;

/** The task id of an object version's held fields: the same on every redelivery and re-screening. */
export function heldFieldTaskId(submissionId: string, objectId: string, objectVersion: string): string {
  return derivedUuid(`review-service:held-field:${submissionId}:${objectId}:${objectVersion}`);
}

/** The held-field queue's rows: a `review.tasks` row of kind `held-field` plus its details. */
@Injectable()
export class HeldFieldsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Opens the task of one `FieldsHeld`, in the projection's transaction. Returns false when the
   * task was there already (the same event again, or the same object version screened again).
   */
  async open(tx: EntityManager, intake: HeldFieldIntake): Promise<boolean> {
    const taskId = heldFieldTaskId(intake.submissionId, intake.objectId, intake.objectVersion);
    const duplicate: unknown[] = await tx.query(`SELECT 1 FROM review.held_field_tasks WHERE event_id = $1`, [intake.eventId]);
    if (duplicate.length > 0) {
      return false;
    }
    const inserted: unknown[] = await tx.query(
      `INSERT INTO review.tasks (id, kind, state, created_at) VALUES ($1, 'held-field', 'open', $2) ON CONFLICT DO NOTHING RETURNING id`,
      [taskId, intake.heldAt],
    );
    if (inserted.length === 0) {
      return false;
    }
    await tx.query(
      `INSERT INTO review.held_field_tasks (task_id, event_id, submission_id, object_id, object_type, object_version, fields, sealed_values,
                                            held_at, source_topic, source_partition, source_offset)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        taskId,
        intake.eventId,
        intake.submissionId,
        intake.objectId,
        intake.objectType,
        intake.objectVersion,
        JSON.stringify(intake.fields.map(({ path, detector, reason }) => ({ path, detector, reason }))),
        JSON.stringify(intake.sealedValues),
        intake.heldAt,
        intake.source.topic,
        intake.source.partition,
        intake.source.offset,
      ],
    );
    return true;
  }

  /** The task and its details; null when there is no such task or it is not a held-field task. */
  async find(id: string): Promise<HeldFieldTaskRow | null> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM review.tasks t JOIN review.held_field_tasks h ON h.task_id = t.id WHERE t.id = $1 AND t.kind = 'held-field'`,
      [id],
    );
    const row = rows[0];
    if (row === undefined) {
      return null;
    }
    return {
      task: toReviewTask(row),
      summary: {
        submissionId: row.hf_submission_id,
        objectId: row.object_id,
        objectType: row.object_type,
        objectVersion: row.object_version,
        heldAt: row.held_at.toISOString(),
        fields: row.fields,
      },
      sealedValues: row.sealed_values,
    };
  }

  /** Who saw the sealed values, and when (§4.2). */
  async recordView(taskId: string, principalId: string, at: string): Promise<void> {
    await this.dataSource.query(`INSERT INTO review.task_actions (task_id, action, principal_id, at) VALUES ($1, 'view', $2, $3)`, [taskId, principalId, at]);
  }

  async history(taskId: string): Promise<TaskActionRecord[]> {
    const rows: { action: TaskActionRecord['action']; principal_id: string; at: Date }[] = await this.dataSource.query(
      `SELECT action, principal_id, at FROM review.task_actions WHERE task_id = $1 ORDER BY at, id`,
      [taskId],
    );
    return rows.map((row) => ({ action: row.action, principalId: row.principal_id, at: row.at.toISOString() }));
  }
}
