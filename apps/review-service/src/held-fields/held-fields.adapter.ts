import type { Principal } from '@ais/auth';
import { KeyDestroyedError, Sealer } from '@ais/sealing';
import { Injectable, Logger } from '@nestjs/common';
import type { ReviewTask } from '../tasks/review-task';
import type { TaskActionRecord } from '../triage/triage.repository';
import { readHeldContent, type HeldContent } from './held-field-content';
import { HeldFieldErrorCode, heldFieldError } from './held-fields-errors';
import { HeldFieldsRepository, type HeldFieldSummary } from './held-fields.repository';

/** A held-field task as an analyst opens it: each held value in its object's context, unless deleted. */
export interface HeldFieldTaskView extends ReviewTask {
  readonly heldField: HeldFieldSummary;
  /** The object as published without the held fields, and each held value with its path and why it was held. */
  readonly content: HeldContent | null;
  /** `deleted` once the data key is destroyed (a decision deleted the fields). */
  readonly contentStatus: 'available' | 'deleted';
  readonly history: TaskActionRecord[];
}

/**
 * The analysts' side of the held-field queue (§2.3.2.2). Opening a task opens its seal, and the
 * view is recorded with the analyst's id before anything is returned (§4.2: who saw what).
 * Decisions (release, redact, delete) come with issue 5.
 */
@Injectable()
export class HeldFieldsAdapter {
  private readonly logger = new Logger(HeldFieldsAdapter.name);

  constructor(
    private readonly repository: HeldFieldsRepository,
    private readonly sealer: Sealer,
  ) {}

  /** Null when the task is not a held-field task (the caller decides what that means). */
  async view(id: string, analyst: Principal, now: Date): Promise<HeldFieldTaskView | null> {
    const row = await this.repository.find(id);
    if (row === null) {
      return null;
    }
    const content = await this.open(row.sealedValues, row.summary);
    await this.repository.recordView(row.task.id, analyst.id, now.toISOString());
    return {
      ...row.task,
      heldField: row.summary,
      content: content === 'deleted' ? null : content,
      contentStatus: content === 'deleted' ? 'deleted' : 'available',
      history: await this.repository.history(row.task.id),
    };
  }

  private async open(sealed: Parameters<Sealer['open']>[0], summary: HeldFieldSummary): Promise<HeldContent | 'deleted'> {
    let opened: unknown;
    try {
      opened = await this.sealer.open<unknown>(sealed);
    } catch (error) {
      if (error instanceof KeyDestroyedError) {
        return 'deleted';
      }
      // A tampered or foreign seal: said by class, never by content.
      this.logger.error(`sealed values of a held-field task cannot be opened (${error instanceof Error ? error.name : typeof error})`);
      throw heldFieldError(HeldFieldErrorCode.ContentUnusable);
    }
    const content = readHeldContent(opened, summary);
    if (content === null) {
      this.logger.error('sealed values of a held-field task do not match its held fields');
      throw heldFieldError(HeldFieldErrorCode.ContentUnusable);
    }
    return content;
  }
}
