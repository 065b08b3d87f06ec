import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** What the queue says about a held-field task without opening its seal: the object and the held paths. */
export interface HeldFieldQueueEntry {
  readonly objectId: string;
  readonly objectType: string;
  readonly paths: readonly string[];
}

/** The held-field details of the tasks a queue page lists (never the sealed values). */
@Injectable()
export class HeldFieldQueueRepository {
  constructor(private readonly dataSource: DataSource) {}

  async entriesOf(taskIds: readonly string[]): Promise<Map<string, HeldFieldQueueEntry>> {
    if (taskIds.length === 0) {
      return new Map();
    }
    const rows: { task_id: string; object_id: string; object_type: string; fields: { path: string }[] }[] = await this.dataSource.query(
      `SELECT task_id, object_id, object_type, fields FROM review.held_field_tasks WHERE task_id = ANY($1::uuid[])`,
      [taskIds],
    );
    return new Map(rows.map((row) => [row.task_id, { objectId: row.object_id, objectType: row.object_type, paths: row.fields.map((f) => f.path) }]));
  }
}
