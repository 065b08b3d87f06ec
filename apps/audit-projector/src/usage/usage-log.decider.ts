import type { BoardMemberRef, UsageDetailValue } from '@ais/contracts';
import type { AuditEvent } from '../projection/audit-events';

/**
 * One action by a person (§4.2): who (`actor`, a principal id), in which capacity (`role`), did
 * what (`action`), to what (`resource`, `<kind>/<id>`), when (`occurredAt`, the event's time), with
 * a few facts (`detail`) that are never values from a submission or free text.
 */
export interface UsageEntry {
  /** The event that recorded the action: one entry per event. */
  readonly eventId: string;
  /** ISO 8601 UTC with milliseconds. */
  readonly occurredAt: string;
  readonly actor: string;
  readonly role: string;
  readonly action: string;
  readonly resource: string;
  readonly detail: Readonly<Record<string, UsageDetailValue>>;
}

/** The capacity of change-control actions: a board member acting for its federal entity. */
export const BOARD_MEMBER = 'board-member';

function entry(
  event: AuditEvent,
  actor: string,
  role: string,
  action: string,
  resource: string,
  detail: Record<string, UsageDetailValue | undefined> = {},
): UsageEntry {
  const defined = Object.fromEntries(Object.entries(detail).filter((pair): pair is [string, UsageDetailValue] => pair[1] !== undefined));
  // Ids as PostgreSQL prints uuids (lowercase): the hash covers what the log stores.
  return { eventId: event.eventId.toLowerCase(), occurredAt: new Date(event.occurredAt).toISOString(), actor: actor.toLowerCase(), role, action, resource, detail: defined };
}

function board(event: AuditEvent, member: BoardMemberRef, action: string, resource: string, detail: Record<string, UsageDetailValue | undefined> = {}): UsageEntry {
  return entry(event, member.principalId, BOARD_MEMBER, action, resource, { entity: member.entity, ...detail });
}

/**
 * The usage-log entry an event records, or null when the event is no person's action (a
 * pipeline stage's output, a proposal accepted by presumed concurrence). Free text (objections,
 * comments, rejection reasons) never enters the log; the resource names what it concerns.
 */
export function usageEntryOf(event: AuditEvent): UsageEntry | null {
  switch (event.type) {
    case 'TriageAccepted':
      return entry(event, event.data.decidedBy, 'analyst', 'triage.accept', `submission/${event.data.submissionId}`, {
        channel: event.data.channel,
        objectCount: event.data.objectCount,
      });
    case 'TriageRejected':
      return entry(event, event.data.decidedBy, 'analyst', 'triage.reject', `submission/${event.data.submissionId}`, { channel: event.data.channel });
    case 'FederalObjectsRead': {
      const { data } = event;
      const resource = data.objectId === undefined ? `taxii-federal/${data.resource}` : `stix-object/${data.objectId}`;
      return entry(event, data.principalId, data.role, 'federal.read', resource, { entity: data.federalEntity, taxiiResource: data.resource, objectCount: data.objectCount });
    }
    case 'UsageRecorded':
      return entry(event, event.data.actor, event.data.role, event.data.action, event.data.resource, { ...event.data.detail });
    case 'ContactRequested':
      return entry(event, event.data.requestedBy, 'federal-consumer', 'contact.request', `contact-request/${event.data.requestId}`, {
        entity: event.data.federalEntity,
        objectId: event.data.objectId,
      });
    case 'ContactRequestAnswered':
      return entry(event, event.data.answeredBy, 'participant', event.data.granted ? 'contact.grant' : 'contact.deny', `contact-request/${event.data.requestId}`);
    case 'SubmitterIdentityReleased':
      return entry(event, event.data.releasedTo, 'federal-consumer', 'contact.identity-read', `contact-request/${event.data.requestId}`, { entity: event.data.federalEntity });
    case 'ProfileChangeProposed':
      return board(event, event.data.proposedBy, 'profile.propose', `profile-proposal/${event.data.proposalId}`, { kind: event.data.change.kind, baseVersion: event.data.baseVersion });
    case 'ProfileChangeObjected':
      return board(event, event.data.objectedBy, 'profile.object', `profile-proposal/${event.data.proposalId}`);
    case 'ProfileChangeCommented':
      return board(event, event.data.commentedBy, 'profile.comment', `profile-proposal/${event.data.proposalId}`);
    case 'ProfileChangeEscalated':
      return board(event, event.data.escalatedBy, 'profile.escalate', `profile-proposal/${event.data.proposalId}`);
    case 'ProfileChangeAccepted':
      // Presumed concurrence: the window passed, nobody acted.
      return event.data.acceptedBy === undefined
        ? null
        : board(event, event.data.acceptedBy, 'profile.accept', `profile-proposal/${event.data.proposalId}`, { basis: event.data.basis, version: event.data.version });
    case 'ProfileChangeWithdrawn':
      return event.data.withdrawnBy === undefined
        ? null
        : board(event, event.data.withdrawnBy, 'profile.withdraw', `profile-proposal/${event.data.proposalId}`, { basis: event.data.basis });
    case 'ProfileEmergencyChangeApplied':
      return board(event, event.data.appliedBy, 'profile.emergency-change', `profile-change/${event.data.changeId}`, { kind: event.data.change.kind, version: event.data.version });
    case 'PiiNoticeFiled':
      return entry(event, event.data.filedBy, 'federal-consumer', 'notice.file', `notice/${event.data.noticeId}`, {
        entity: event.data.federalEntity,
        objectId: event.data.objectId,
        paths: event.data.paths?.length ?? 0,
      });
    case 'PiiNoticeDismissed':
      return entry(event, event.data.dismissedBy, 'analyst', 'notice.dismiss', `notice/${event.data.noticeId}`, { objectId: event.data.objectId });
    case 'ReviewDecided': {
      if (event.data.noticeId !== undefined) {
        const redacted = event.data.fields.filter((field) => field.outcome === 'redacted').length;
        return entry(event, event.data.decidedBy, 'analyst', 'notice.correct', `notice/${event.data.noticeId}`, {
          objectId: event.data.objectId,
          removed: event.data.removed?.length ?? 0,
          redacted,
        });
      }
      const outcomes = event.data.fields.map((field) => field.outcome);
      const action = outcomes.every((o) => o === 'deleted') ? 'review.delete' : outcomes.includes('redacted') ? 'review.redact' : 'review.release';
      return entry(event, event.data.decidedBy, 'analyst', action, `stix-object/${event.data.objectId}`, { fields: outcomes.length });
    }
    // Pipeline facts: counted, but no person acted.
    case 'SubmissionReceived':
    case 'ManualSubmissionReceived':
    case 'SubmissionRejected':
    case 'SubmissionValidated':
    case 'SubmissionScreened':
    case 'FieldsHeld':
    case 'IndicatorPublished':
      return null;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
