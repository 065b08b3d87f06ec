import type { Principal } from '@ais/auth';
import { buildEvent, type SealedBlob } from '@ais/contracts';
import { EventPublisher } from '@ais/messaging';
import { CodedError } from '@ais/observability';
import { KeyDestroyedError, Sealer } from '@ais/sealing';
import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DecisionErrorCode, decideHeldFields, type FieldDecisionInput } from './held-field-decision.decider';

const STATUS: Record<DecisionErrorCode, HttpStatus> = {
  [DecisionErrorCode.AlreadyDecided]: HttpStatus.CONFLICT,
  [DecisionErrorCode.ContentDeleted]: HttpStatus.GONE,
  [DecisionErrorCode.FieldNotHeld]: HttpStatus.UNPROCESSABLE_ENTITY,
  [DecisionErrorCode.FieldUndecided]: HttpStatus.UNPROCESSABLE_ENTITY,
  [DecisionErrorCode.FieldDecidedTwice]: HttpStatus.UNPROCESSABLE_ENTITY,
  [DecisionErrorCode.RedactionMissing]: HttpStatus.UNPROCESSABLE_ENTITY,
};

interface LockedTask {
  state: string;
  submission_id: string;
  object_id: string;
  object_version: string;
  fields: { path: string }[];
  sealed_values: SealedBlob;
}

/**
 * An analyst's decision on a held-field task (§2.3.2.2). The task row is locked, the decision
 * written to the log (`ReviewDecided`, acks from all replicas), the task settled, and only then
 * the transaction commits; a second decision finds the task decided. The values' key is destroyed
 * after the commit: what was deleted is gone, what was released now lives in the published version.
 */
@Injectable()
export class HeldFieldDecisionAdapter {
  private readonly logger = new Logger(HeldFieldDecisionAdapter.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    private readonly sealer: Sealer,
  ) {}

  async decide(taskId: string, analyst: Principal, decisions: readonly FieldDecisionInput[], now: Date): Promise<{ id: string; state: string }> {
    const at = now.toISOString();
    const { keyId, state } = await this.dataSource.transaction(async (tx) => {
      const rows: LockedTask[] = await tx.query(
        `SELECT t.state, h.submission_id, h.object_id, h.object_version, h.fields, h.sealed_values
           FROM review.tasks t JOIN review.held_field_tasks h ON h.task_id = t.id
          WHERE t.id = $1 AND t.kind = 'held-field' FOR UPDATE OF t`,
        [taskId],
      );
      const task = rows[0];
      if (task === undefined) {
        throw new CodedError('AIS_REVIEW_TASK_NOT_FOUND', HttpStatus.NOT_FOUND, 'no such held-field task');
      }
      const decision = decideHeldFields({ state: task.state, heldPaths: task.fields.map((f) => f.path) }, await this.values(task.sealed_values), decisions);
      if (!decision.ok) {
        throw new CodedError(decision.code, STATUS[decision.code], `the decision was refused (${decision.code})`);
      }
      await this.publisher.publish([
        buildEvent(
          'ReviewDecided',
          {
            taskId,
            submissionId: task.submission_id,
            objectId: task.object_id,
            objectVersion: task.object_version,
            decidedBy: analyst.id,
            decidedAt: at,
            fields: decision.fields,
            restored: decision.restored,
          },
          { key: task.object_id, producer: 'review-service', correlationId: task.submission_id, causationId: null, occurredAt: now },
        ),
      ]);
      await tx.query(`UPDATE review.tasks SET state = $2, decided_at = $3, decided_by = $4 WHERE id = $1`, [taskId, decision.taskState, at, analyst.id]);
      return { keyId: task.sealed_values.keyId, state: decision.taskState };
    });
    await this.sealer.destroy(keyId).catch((error: unknown) => this.logger.warn(`value key not destroyed (${error instanceof Error ? error.name : 'error'})`));
    return { id: taskId, state };
  }

  private async values(sealed: SealedBlob): Promise<Record<string, unknown> | null> {
    try {
      const opened = await this.sealer.open<{ values?: Record<string, unknown> }>(sealed);
      return opened.values ?? null;
    } catch (error) {
      if (error instanceof KeyDestroyedError) {
        return null;
      }
      throw error;
    }
  }
}
