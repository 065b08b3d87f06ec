import { TASK_KINDS, type TaskKind } from '../tasks/review-task';

/** Open (undecided) tasks of one kind: how many, and how long the oldest has waited. */
export interface KindBacklog {
  readonly kind: TaskKind;
  readonly open: number;
  readonly oldestAgeSeconds: number;
}

/** One row of the backlog query: a kind as stored, its open count and its oldest open task's age. */
export interface BacklogRow {
  readonly kind: string;
  readonly open: number;
  readonly oldestAgeSeconds: number;
}

/**
 * The backlog of every task kind, in TASK_KINDS order: a kind without open tasks reports 0 and 0
 * (so the series never vanish), a kind outside the fixed set is dropped (a label never carries
 * anything but a known kind).
 */
export function backlogByKind(rows: readonly BacklogRow[]): KindBacklog[] {
  return TASK_KINDS.map((kind) => {
    const row = rows.find((r) => r.kind === kind);
    return { kind, open: row?.open ?? 0, oldestAgeSeconds: row === undefined ? 0 : Math.max(0, row.oldestAgeSeconds) };
  });
}
