import type { EventOf } from '@ais/contracts';
import { consumes, type ProjectionContext } from '@ais/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import { VALIDATOR_SCHEMA } from '../migrations';
import { BOARD_EVENT_TYPES, evolveProposal, type BoardEvent, type BoardEventType, type Proposal } from './change-control.decider';

export const PROFILE_GROUP = 'schema-validator.profile';

type AnyBoardEvent = { [T in BoardEventType]: EventOf<T> }[BoardEventType];

/**
 * Projects `ais.profile.changes.v1` into the `validator` schema: profile versions, proposal states
 * (through the decider's own `evolveProposal`) and each proposal's history. Rows and checkpoint
 * commit in one transaction; an event already stored (same event id) changes nothing.
 */
@Controller()
export class ProfileChangesProjection {
  /** Every board event takes the same path: history row, then the state it changes. */
  @EventPattern(BOARD_EVENT_TYPES.map((type) => consumes(PROFILE_GROUP, type)))
  apply(@Payload() event: AnyBoardEvent, @Ctx() ctx: ProjectionContext<EntityManager>): Promise<void> {
    return this.record(event, ctx.tx);
  }

  private async record(event: AnyBoardEvent, tx: EntityManager): Promise<void> {
    const { subjectId, data } = historyOf(event);
    const inserted: unknown[] = await tx.query(
      `INSERT INTO ${VALIDATOR_SCHEMA}.profile_change_events (event_id, type, subject_id, occurred_at, data)
       VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [event.eventId, event.type, subjectId, event.occurredAt, JSON.stringify(data)],
    );
    if (inserted.length === 0) {
      return;
    }
    switch (event.type) {
      case 'ProfileVersionPublished':
        await tx.query(
          `INSERT INTO ${VALIDATOR_SCHEMA}.profile_versions (version, content, cause, cause_id, published_at, event_id)
           VALUES ($1, $2::jsonb, $3, $4, $5, $6) ON CONFLICT (version) DO NOTHING`,
          [event.data.version, JSON.stringify(event.data.profile), event.data.cause, event.data.causeId ?? null, event.occurredAt, event.eventId],
        );
        return;
      case 'ProfileEmergencyChangeApplied':
        return;
      case 'ProfileChangeProposed':
      case 'ProfileChangeObjected':
      case 'ProfileChangeCommented':
      case 'ProfileChangeEscalated':
      case 'ProfileChangeAccepted':
      case 'ProfileChangeWithdrawn':
        await this.applyToProposal(event, tx);
        return;
      default: {
        const unhandled: never = event;
        return unhandled;
      }
    }
  }

  private async applyToProposal(event: AnyBoardEvent & { data: { proposalId: string } }, tx: EntityManager): Promise<void> {
    const rows: { state: Proposal }[] = await tx.query(`SELECT state FROM ${VALIDATOR_SCHEMA}.profile_proposals WHERE proposal_id = $1 FOR UPDATE`, [
      event.data.proposalId,
    ]);
    const before = rows[0]?.state;
    const after = evolveProposal(before, { type: event.type, data: event.data } as BoardEvent);
    if (after === undefined || after === before) {
      return;
    }
    await tx.query(
      `INSERT INTO ${VALIDATOR_SCHEMA}.profile_proposals (proposal_id, status, state, proposed_at, objection_deadline, updated_at, last_event_id)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7)
       ON CONFLICT (proposal_id) DO UPDATE SET status = excluded.status, state = excluded.state, updated_at = excluded.updated_at, last_event_id = excluded.last_event_id`,
      [after.id, after.status, JSON.stringify(after), after.proposedAt, after.objectionDeadline, event.occurredAt, event.eventId],
    );
  }
}

/** What the history keeps of an event: the proposal (or change, or version) it is about; a version's content stays in `profile_versions`. */
function historyOf(event: AnyBoardEvent): { subjectId: string; data: Record<string, unknown> } {
  switch (event.type) {
    case 'ProfileVersionPublished': {
      const { profile: _content, ...rest } = event.data;
      return { subjectId: event.data.causeId ?? `version-${event.data.version}`, data: { ...rest } };
    }
    case 'ProfileEmergencyChangeApplied':
      return { subjectId: event.data.changeId, data: { ...event.data } };
    case 'ProfileChangeProposed':
    case 'ProfileChangeObjected':
    case 'ProfileChangeCommented':
    case 'ProfileChangeEscalated':
    case 'ProfileChangeAccepted':
    case 'ProfileChangeWithdrawn':
      return { subjectId: event.data.proposalId, data: { ...event.data } };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
