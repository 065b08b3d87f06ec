import type { StixObject } from '@ais/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import type { ReviewTask, TaskState } from '../tasks/review-task';
import { toReviewTask, type TaskRow } from '../tasks/review-tasks.repository';
import type { TaskActionRecord } from '../triage/triage.repository';
import { NoticeErrorCode, noticeError } from './notices-errors';

/** PostgreSQL's undefined_table. */
const UNDEFINED_TABLE = '42P01';

/** What a notice says: which object, which version, who filed it for which entity, which paths. */
export interface NoticeSummary {
  readonly noticeId: string;
  readonly objectId: string;
  readonly objectVersion: string;
  readonly federalEntity: string;
  readonly filedBy: string;
  readonly filedAt: string;
  readonly paths: string[];
}

export interface NoticeTask extends ReviewTask {
  readonly notice: NoticeSummary;
}

/** The latest version of an object the federal entities were sent. */
export interface PublishedObject {
  readonly objectId: string;
  readonly version: string;
  readonly submissionId: string;
  readonly object: StixObject;
}

/** One `PiiNoticeFiled` as the projection records it, with the log position it came from. */
export interface NoticeIntake {
  readonly eventId: string;
  readonly noticeId: string;
  readonly objectId: string;
  readonly objectVersion: string;
  readonly federalEntity: string;
  readonly filedBy: string;
  readonly paths: readonly string[];
  readonly filedAt: string;
  readonly source: { readonly topic: string; readonly partition: number; readonly offset: string };
}

interface Row extends TaskRow {
  object_id: string;
  object_version: string;
  federal_entity: string;
  filed_by: string;
  paths: string[];
  filed_at: Date;
}

const COLUMNS = `t.id, t.kind, t.state, t.created_at, t.claimed_by, t.claimed_at, t.decided_at, t.decided_by,
  t.submission_id, t.channel, t.submission_kind, t.received_at,
  n.object_id, n.object_version, n.federal_entity, n.filed_by, n.paths, n.filed_at`;

function toNoticeTask(row: Row): NoticeTask {
  return {
    ...toReviewTask(row),
    notice: {
      noticeId: row.id,
      objectId: row.object_id,
      objectVersion: row.object_version,
      federalEntity: row.federal_entity,
      filedBy: row.filed_by,
      filedAt: row.filed_at.toISOString(),
      paths: row.paths,
    },
  };
}

/** The notice queue: a `review.tasks` row of kind `notice` (id = notice id) plus its details. */
@Injectable()
export class NoticesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Opens the task of one notice in the projection's transaction; false when it exists already. */
  async open(tx: EntityManager, intake: NoticeIntake): Promise<boolean> {
    const inserted: unknown[] = await tx.query(
      `INSERT INTO review.tasks (id, kind, state, created_at) VALUES ($1, 'notice', 'open', $2) ON CONFLICT DO NOTHING RETURNING id`,
      [intake.noticeId, intake.filedAt],
    );
    if (inserted.length === 0) {
      return false;
    }
    await tx.query(
      `INSERT INTO review.notice_tasks (task_id, event_id, object_id, object_version, federal_entity, filed_by, paths, filed_at, source_topic, source_partition, source_offset)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        intake.noticeId,
        intake.eventId,
        intake.objectId,
        intake.objectVersion,
        intake.federalEntity,
        intake.filedBy,
        JSON.stringify(intake.paths),
        intake.filedAt,
        intake.source.topic,
        intake.source.partition,
        intake.source.offset,
      ],
    );
    return true;
  }

  /**
   * The latest version of the object in version-publisher's repository, through the view that
   * service keeps for this read (`publisher.latest_versions`); null until the repository has it.
   */
  async latestPublished(objectId: string, manager: EntityManager = this.dataSource.manager): Promise<PublishedObject | null> {
    let rows: { object_id: string; version: string; submission_id: string; object: StixObject }[];
    try {
      rows = await manager.query(`SELECT object_id, version, submission_id, object FROM publisher.latest_versions WHERE object_id = $1`, [objectId]);
    } catch (error) {
      // version-publisher creates the view with its migrations; until it has run, say so.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNDEFINED_TABLE) {
        throw noticeError(NoticeErrorCode.RepositoryUnavailable);
      }
      throw error;
    }
    const row = rows[0];
    return row === undefined ? null : { objectId: row.object_id, version: row.version, submissionId: row.submission_id, object: row.object };
  }

  async list(filter: { state: TaskState | null; objectId: string | null; limit: number }): Promise<NoticeTask[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM review.tasks t JOIN review.notice_tasks n ON n.task_id = t.id
        WHERE t.kind = 'notice' AND ($1::text IS NULL OR t.state = $1::text) AND ($2::text IS NULL OR n.object_id = $2::text)
        ORDER BY t.created_at, t.id LIMIT $3`,
      [filter.state, filter.objectId, filter.limit],
    );
    return rows.map(toNoticeTask);
  }

  /** The notice task; with `lock`, its row is locked for a decision in `manager`'s transaction. */
  async find(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<NoticeTask | null> {
    const rows: Row[] = await manager.query(
      `SELECT ${COLUMNS} FROM review.tasks t JOIN review.notice_tasks n ON n.task_id = t.id WHERE t.id = $1 AND t.kind = 'notice'${lock ? ' FOR UPDATE OF t' : ''}`,
      [id],
    );
    const row = rows[0];
    return row === undefined ? null : toNoticeTask(row);
  }

  async settle(tx: EntityManager, id: string, state: TaskState, analystId: string, at: string): Promise<void> {
    await tx.query(`UPDATE review.tasks SET state = $2, decided_at = $3, decided_by = $4 WHERE id = $1`, [id, state, at, analystId]);
  }

  /** Who saw the published object through the task, and when (§4.2). */
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
