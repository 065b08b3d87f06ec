import type { Principal } from '@ais/auth';
import { buildEvent, type AnyEvent, type StixObject } from '@ais/contracts';
import { EventPublisher } from '@ais/messaging';
import { KeyDestroyedError, Sealer } from '@ais/sealing';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { ReviewTask } from '../tasks/review-task';
import { readManualContent, type ManualSubmissionFields } from './manual-submission-content';
import { triageError } from './triage-errors';
import { decideTriage, TriageErrorCode, type TriageState } from './triage.decider';
import { DecisionConflictError, TriageRepository, triageStateOf, type TaskActionRecord, type TriageRow } from './triage.repository';
import { buildTriagedSubmission } from './triage-stix.decider';

const PRODUCER = 'review-service';

/** One task as an analyst opens it: the submission as entered, unless its key is gone. */
export interface TriageTaskView extends ReviewTask {
  readonly content: { readonly fields: ManualSubmissionFields; readonly stixObjects?: StixObject[] } | null;
  /** `deleted` once the data key is destroyed (rejected, or accepted and validated downstream). */
  readonly contentStatus: 'available' | 'deleted';
  readonly history: TaskActionRecord[];
}

/**
 * The analysts' side of triage (§3.2): claim, accept, reject, and view. A decision is written to
 * the log before the task changes: the task row is locked, the decision recorded in the open
 * transaction, the event published (acks from all replicas), and only then the transaction
 * commits. A second accept waits for the lock and then finds the task decided, so it publishes
 * nothing; the decision's primary key (one per submission) backs that up. Should the process die
 * between publishing and committing, the triage projection reads the decision back from the log
 * and settles the task.
 */
@Injectable()
export class TriageAdapter {
  private readonly logger = new Logger(TriageAdapter.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: TriageRepository,
    private readonly sealer: Sealer,
    private readonly publisher: EventPublisher,
  ) {}

  async view(id: string, analyst: Principal, now: Date): Promise<TriageTaskView> {
    const row = await this.repository.find(id);
    if (row === null) {
      throw triageError(TriageErrorCode.TaskNotFound);
    }
    if (row.kind !== 'triage' || row.sealed_content === null) {
      throw triageError(TriageErrorCode.NotATriageTask);
    }
    // State before content: a decision destroys the key before it commits, so a decided state is
    // never shown beside content that was readable a moment earlier.
    const task = await this.repository.reviewTask(this.dataSource.manager, row.id);
    const opened = await this.open(row);
    // Seeing a submission is an action too (§4.2: who did what).
    await this.repository.recordAction(null, row.id, 'view', analyst.id, now.toISOString());
    return {
      ...(task as ReviewTask),
      content: opened === 'deleted' ? null : { fields: opened.fields, ...(opened.stixObjects === undefined ? {} : { stixObjects: opened.stixObjects }) },
      contentStatus: opened === 'deleted' ? 'deleted' : 'available',
      history: await this.repository.history(row.id),
    };
  }

  async claim(id: string, analyst: Principal, now: Date): Promise<ReviewTask> {
    const at = now.toISOString();
    return this.dataSource.transaction(async (tx) => {
      const { row, state } = await this.lockTriage(tx, id);
      const transition = decideTriage(state, { kind: 'claim', by: analyst.id, at });
      if (!transition.ok) {
        throw triageError(transition.error);
      }
      if (transition.changed) {
        await this.repository.claim(tx, row.id, analyst.id, at);
        await this.repository.recordAction(tx, row.id, 'claim', analyst.id, at);
      }
      return (await this.repository.reviewTask(tx, row.id)) as ReviewTask;
    });
  }

  /** Builds the STIX objects, seals them under the submission's key and writes `TriageAccepted`. */
  async accept(id: string, analyst: Principal, now: Date): Promise<ReviewTask> {
    const at = now.toISOString();
    return this.decide(id, analyst, 'accept', now, async (row) => {
      const opened = await this.open(row);
      if (opened === 'deleted') {
        throw triageError(TriageErrorCode.ContentDeleted);
      }
      const built = buildTriagedSubmission(opened, { decidedAt: at, newId: randomUUID, submitterPrincipalId: randomUUID() });
      if (!built.ok) {
        throw triageError(TriageErrorCode.ContentUnusable, `the submission lacks ${built.missing.join(', ')}`);
      }
      const submissionId = row.submission_id as string;
      const sealedContent = await this.sealer.seal(submissionId, built.submission);
      return buildEvent(
        'TriageAccepted',
        { submissionId, channel: opened.channel, decidedBy: analyst.id, objectCount: built.submission.objects.length, sealedContent },
        { key: submissionId, producer: PRODUCER, correlationId: submissionId, causationId: null, occurredAt: now },
      );
    });
  }

  /** Writes `TriageRejected`, then destroys the submission's data key: its content is deleted. */
  async reject(id: string, analyst: Principal, reason: string, now: Date): Promise<ReviewTask> {
    let keyId: string | null = null;
    const task = await this.decide(id, analyst, 'reject', now, (row) => {
      keyId = row.sealed_content?.keyId ?? null;
      const submissionId = row.submission_id as string;
      return Promise.resolve(
        buildEvent(
          'TriageRejected',
          { submissionId, channel: row.channel as 'web-form' | 'email', decidedBy: analyst.id, reason },
          { key: submissionId, producer: PRODUCER, correlationId: submissionId, causationId: null, occurredAt: now },
        ),
      );
    });
    if (keyId !== null) {
      // After the commit; should this fail, the projection destroys it when it reads the rejection.
      await this.sealer.destroy(keyId).catch((error: unknown) => this.logger.warn(`key not destroyed yet (${errorName(error)})`));
    }
    return task;
  }

  private async decide(
    id: string,
    analyst: Principal,
    kind: 'accept' | 'reject',
    now: Date,
    eventOf: (row: TriageRow) => Promise<AnyEvent & { type: 'TriageAccepted' | 'TriageRejected' }>,
  ): Promise<ReviewTask> {
    const at = now.toISOString();
    try {
      return await this.dataSource.transaction(async (tx) => {
        const { row, state } = await this.lockTriage(tx, id);
        const transition = decideTriage(state, { kind, by: analyst.id, at });
        if (!transition.ok) {
          throw triageError(transition.error);
        }
        const event = await eventOf(row);
        await this.repository.decide(
          tx,
          { id: row.id, submissionId: row.submission_id as string },
          {
            state: kind === 'accept' ? 'accepted' : 'rejected',
            by: analyst.id,
            at,
            eventId: event.eventId,
            reason: event.type === 'TriageRejected' ? (event.data.reason ?? null) : null,
          },
        );
        // Last step before the commit: the state change becomes visible only once the event is in the log.
        await this.publisher.publish([event]).catch((error: unknown) => {
          this.logger.error(`decision not written to the log (${errorName(error)})`);
          throw triageError(TriageErrorCode.LogUnavailable);
        });
        return (await this.repository.reviewTask(tx, row.id)) as ReviewTask;
      });
    } catch (error) {
      if (error instanceof DecisionConflictError) {
        throw triageError(TriageErrorCode.AlreadyDecided);
      }
      throw error;
    }
  }

  private async lockTriage(tx: EntityManager, id: string): Promise<{ row: TriageRow; state: TriageState }> {
    const row = await this.repository.lock(tx, id);
    if (row === null) {
      throw triageError(TriageErrorCode.TaskNotFound);
    }
    const state = triageStateOf(row);
    if (state === null || row.sealed_content === null || row.submission_id === null) {
      throw triageError(TriageErrorCode.NotATriageTask);
    }
    return { row, state };
  }

  private async open(row: TriageRow): Promise<NonNullable<ReturnType<typeof readManualContent>> | 'deleted'> {
    let opened: unknown;
    try {
      opened = await this.sealer.open<unknown>(row.sealed_content as NonNullable<TriageRow['sealed_content']>);
    } catch (error) {
      if (error instanceof KeyDestroyedError) {
        return 'deleted';
      }
      // A tampered or foreign seal: say so by class, never by content.
      this.logger.error(`sealed content of a triage task cannot be opened (${errorName(error)})`);
      throw triageError(TriageErrorCode.ContentUnusable, 'the sealed submission cannot be opened');
    }
    const content = readManualContent(opened);
    if (content === null) {
      throw triageError(TriageErrorCode.ContentUnusable, 'the sealed submission is not a manual submission');
    }
    return content;
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
