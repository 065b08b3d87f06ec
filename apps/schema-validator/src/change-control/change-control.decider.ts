import {
  applyChange,
  fieldKeyOf,
  parseProfile,
  parseProfileChange,
  PROFILE_CHANGE_ERROR_MESSAGES,
  type ProfileChangeErrorCode,
  type AisProfile,
  type ProfileChange,
} from '@ais/ais-profile';
import type { EventDataMap } from '@ais/contracts';

/** Members have two weeks to object to a proposal (§2.2). */
export const OBJECTION_WINDOW_MS = 14 * 24 * 60 * 60 * 1000;
/** DHS chairs the AIS Profile Change Control Board and alone applies emergency break fixes. */
export const CHAIR_ENTITY = 'homeland-security';

/** A board member: the principal who acts, and the appropriate federal entity it acts for. */
export interface BoardMember {
  readonly principalId: string;
  readonly entity: string;
}

export interface Objection {
  readonly by: BoardMember;
  readonly reason: string;
}

interface ProposalBase {
  readonly id: string;
  readonly change: ProfileChange;
  readonly rationale: string;
  readonly proposedBy: BoardMember;
  readonly proposedAt: string;
  readonly objectionDeadline: string;
  readonly baseVersion: number;
}

/** A proposal's life: open for two weeks, objected and discussed, escalated; accepted or withdrawn. */
export type Proposal =
  | (ProposalBase & { readonly status: 'open' })
  | (ProposalBase & { readonly status: 'objected'; readonly objections: readonly Objection[] })
  | (ProposalBase & { readonly status: 'escalated'; readonly objections: readonly Objection[]; readonly escalatedBy: BoardMember })
  | (ProposalBase & { readonly status: 'accepted'; readonly basis: 'presumed-concurrence' | 'resolved'; readonly version: number })
  | (ProposalBase & { readonly status: 'withdrawn'; readonly basis: 'withdrawn-by-proposer' | 'resolved' | 'no-longer-applicable' });

export type ProposalStatus = Proposal['status'];
export const PROPOSAL_STATUSES: readonly ProposalStatus[] = ['open', 'objected', 'escalated', 'accepted', 'withdrawn'];

export interface PublishedProfile {
  readonly version: number;
  readonly profile: AisProfile;
}

export interface BoardState {
  /** The profile version in force; null before the baseline is published. */
  readonly current: PublishedProfile | null;
  readonly proposals: ReadonlyMap<string, Proposal>;
}

export const EMPTY_BOARD: BoardState = { current: null, proposals: new Map() };

export type BoardCommand =
  | { readonly type: 'PublishBaselineProfile'; readonly profile: AisProfile }
  | { readonly type: 'ProposeProfileChange'; readonly proposalId: string; readonly change: ProfileChange; readonly rationale: string; readonly by: BoardMember }
  | { readonly type: 'ObjectToProfileChange'; readonly proposalId: string; readonly reason: string; readonly by: BoardMember }
  | { readonly type: 'CommentOnProfileChange'; readonly proposalId: string; readonly text: string; readonly by: BoardMember }
  | { readonly type: 'EscalateProfileChange'; readonly proposalId: string; readonly note?: string; readonly by: BoardMember }
  | { readonly type: 'ResolveProfileChange'; readonly proposalId: string; readonly outcome: 'accepted' | 'withdrawn'; readonly note?: string; readonly by: BoardMember }
  | { readonly type: 'ApplyEmergencyProfileChange'; readonly changeId: string; readonly change: ProfileChange; readonly reason: string; readonly by: BoardMember }
  | { readonly type: 'CloseObjectionWindows' };

export const BOARD_EVENT_TYPES = [
  'ProfileChangeProposed',
  'ProfileChangeObjected',
  'ProfileChangeCommented',
  'ProfileChangeEscalated',
  'ProfileChangeAccepted',
  'ProfileChangeWithdrawn',
  'ProfileEmergencyChangeApplied',
  'ProfileVersionPublished',
] as const;
export type BoardEventType = (typeof BOARD_EVENT_TYPES)[number];
export type BoardEvent = { [T in BoardEventType]: { readonly type: T; readonly data: EventDataMap[T] } }[BoardEventType];

export enum ChangeControlErrorCode {
  UnknownProposal = 'AIS_CCB_UNKNOWN_PROPOSAL',
  ProposalExists = 'AIS_CCB_PROPOSAL_EXISTS',
  ProposalClosed = 'AIS_CCB_PROPOSAL_CLOSED',
  FieldUnderProposal = 'AIS_CCB_FIELD_UNDER_PROPOSAL',
  ObjectionWindowClosed = 'AIS_CCB_OBJECTION_WINDOW_CLOSED',
  OwnProposal = 'AIS_CCB_OWN_PROPOSAL',
  AlreadyObjected = 'AIS_CCB_ALREADY_OBJECTED',
  NotObjected = 'AIS_CCB_NOT_OBJECTED',
  AlreadyEscalated = 'AIS_CCB_ALREADY_ESCALATED',
  ChairOnly = 'AIS_CCB_CHAIR_ONLY',
  ProposerOrChairOnly = 'AIS_CCB_PROPOSER_OR_CHAIR_ONLY',
  DhsOnly = 'AIS_CCB_DHS_ONLY',
  NoProfile = 'AIS_CCB_NO_PROFILE',
}

export type DecisionErrorCode = ChangeControlErrorCode | ProfileChangeErrorCode;
export type Decision = { readonly ok: true; readonly events: BoardEvent[] } | { readonly ok: false; readonly code: DecisionErrorCode };

export const CHANGE_CONTROL_ERROR_MESSAGES: Readonly<Record<DecisionErrorCode, string>> = {
  ...PROFILE_CHANGE_ERROR_MESSAGES,
  [ChangeControlErrorCode.UnknownProposal]: 'no proposal with this id',
  [ChangeControlErrorCode.ProposalExists]: 'a proposal with this id exists',
  [ChangeControlErrorCode.ProposalClosed]: 'the proposal was accepted or withdrawn already',
  [ChangeControlErrorCode.FieldUnderProposal]: 'another open proposal concerns the same field',
  [ChangeControlErrorCode.ObjectionWindowClosed]: 'the two weeks to object to this proposal have passed',
  [ChangeControlErrorCode.OwnProposal]: 'a member does not object to a proposal of its own entity; it may withdraw it',
  [ChangeControlErrorCode.AlreadyObjected]: 'this entity objected to the proposal already',
  [ChangeControlErrorCode.NotObjected]: 'only a proposal under objection can be escalated or resolved as accepted; an open one is accepted when its window closes',
  [ChangeControlErrorCode.AlreadyEscalated]: 'the proposal is escalated already',
  [ChangeControlErrorCode.ChairOnly]: 'only the chair (homeland-security) records that an objection or escalation resolved in favour of a proposal',
  [ChangeControlErrorCode.ProposerOrChairOnly]: 'only the proposing entity or the chair withdraws a proposal',
  [ChangeControlErrorCode.DhsOnly]: 'only DHS (homeland-security) applies emergency break fixes',
  [ChangeControlErrorCode.NoProfile]: 'no AIS Profile version is published yet',
};

/**
 * The AIS Profile Change Control Board (§2.2) as a pure decider: given the board's state (the
 * profile in force and every proposal), a command and the time, the events that happen, or why not.
 *
 * - A member proposes to add or delete one field; the others have 14 days to object.
 * - A window that closes without objection accepts the proposal (presumed concurrence): the change
 *   is applied and the next profile version published (`CloseObjectionWindows`, run on a tick).
 * - An objection (or a request for discussion) stops the clock; members comment; the chair records
 *   a resolution (accepted or withdrawn), or a member escalates to the chair, who records the
 *   outcome the heads of the appropriate federal entities reached.
 * - The proposer (or the chair) may withdraw a proposal that is not closed.
 * - DHS applies emergency break fixes at once, without the board.
 */
export function decide(state: BoardState, command: BoardCommand, now: Date): Decision {
  switch (command.type) {
    case 'PublishBaselineProfile':
      return state.current === null
        ? ok([{ type: 'ProfileVersionPublished', data: { version: command.profile.version, profile: command.profile, cause: 'baseline' } }])
        : ok([]);
    case 'ProposeProfileChange': {
      if (state.current === null) {
        return fail(ChangeControlErrorCode.NoProfile);
      }
      if (state.proposals.has(command.proposalId)) {
        return fail(ChangeControlErrorCode.ProposalExists);
      }
      const applied = applyChange(state.current.profile, command.change);
      if (!applied.ok) {
        return fail(applied.code);
      }
      const field = fieldKeyOf(command.change);
      if ([...state.proposals.values()].some((proposal) => isPending(proposal) && fieldKeyOf(proposal.change) === field)) {
        return fail(ChangeControlErrorCode.FieldUnderProposal);
      }
      return ok([
        {
          type: 'ProfileChangeProposed',
          data: {
            proposalId: command.proposalId,
            change: command.change,
            rationale: command.rationale,
            proposedBy: member(command.by),
            proposedAt: now.toISOString(),
            objectionDeadline: new Date(now.getTime() + OBJECTION_WINDOW_MS).toISOString(),
            baseVersion: state.current.version,
          },
        },
      ]);
    }
    case 'ObjectToProfileChange': {
      const proposal = state.proposals.get(command.proposalId);
      if (proposal === undefined) {
        return fail(ChangeControlErrorCode.UnknownProposal);
      }
      if (proposal.status === 'accepted' || proposal.status === 'withdrawn') {
        return fail(ChangeControlErrorCode.ProposalClosed);
      }
      if (proposal.status === 'escalated') {
        return fail(ChangeControlErrorCode.AlreadyEscalated);
      }
      if (proposal.status === 'open' && now.getTime() >= Date.parse(proposal.objectionDeadline)) {
        return fail(ChangeControlErrorCode.ObjectionWindowClosed);
      }
      if (command.by.entity === proposal.proposedBy.entity) {
        return fail(ChangeControlErrorCode.OwnProposal);
      }
      if (proposal.status === 'objected' && proposal.objections.some((objection) => objection.by.entity === command.by.entity)) {
        return fail(ChangeControlErrorCode.AlreadyObjected);
      }
      return ok([{ type: 'ProfileChangeObjected', data: { proposalId: proposal.id, objectedBy: member(command.by), reason: command.reason } }]);
    }
    case 'CommentOnProfileChange': {
      const proposal = state.proposals.get(command.proposalId);
      if (proposal === undefined) {
        return fail(ChangeControlErrorCode.UnknownProposal);
      }
      if (!isPending(proposal)) {
        return fail(ChangeControlErrorCode.ProposalClosed);
      }
      return ok([{ type: 'ProfileChangeCommented', data: { proposalId: proposal.id, commentedBy: member(command.by), text: command.text } }]);
    }
    case 'EscalateProfileChange': {
      const proposal = state.proposals.get(command.proposalId);
      if (proposal === undefined) {
        return fail(ChangeControlErrorCode.UnknownProposal);
      }
      switch (proposal.status) {
        case 'objected':
          return ok([{ type: 'ProfileChangeEscalated', data: { proposalId: proposal.id, escalatedBy: member(command.by), ...note(command.note) } }]);
        case 'open':
          return fail(ChangeControlErrorCode.NotObjected);
        case 'escalated':
          return fail(ChangeControlErrorCode.AlreadyEscalated);
        case 'accepted':
        case 'withdrawn':
          return fail(ChangeControlErrorCode.ProposalClosed);
        default:
          return unreachable(proposal);
      }
    }
    case 'ResolveProfileChange': {
      const proposal = state.proposals.get(command.proposalId);
      if (proposal === undefined) {
        return fail(ChangeControlErrorCode.UnknownProposal);
      }
      if (!isPending(proposal)) {
        return fail(ChangeControlErrorCode.ProposalClosed);
      }
      const byChair = command.by.entity === CHAIR_ENTITY;
      if (command.outcome === 'withdrawn') {
        const byProposer = command.by.entity === proposal.proposedBy.entity;
        if (!byProposer && !byChair) {
          return fail(ChangeControlErrorCode.ProposerOrChairOnly);
        }
        const basis = byProposer ? 'withdrawn-by-proposer' : 'resolved';
        return ok([{ type: 'ProfileChangeWithdrawn', data: { proposalId: proposal.id, basis, withdrawnBy: member(command.by), ...note(command.note) } }]);
      }
      if (!byChair) {
        return fail(ChangeControlErrorCode.ChairOnly);
      }
      if (proposal.status === 'open') {
        return fail(ChangeControlErrorCode.NotObjected);
      }
      if (state.current === null) {
        return fail(ChangeControlErrorCode.NoProfile);
      }
      const applied = applyChange(state.current.profile, proposal.change);
      if (!applied.ok) {
        return fail(applied.code);
      }
      const version = state.current.version + 1;
      return ok([
        { type: 'ProfileChangeAccepted', data: { proposalId: proposal.id, basis: 'resolved', acceptedBy: member(command.by), version, ...note(command.note) } },
        published(applied.profile, version, 'proposal', proposal.id),
      ]);
    }
    case 'ApplyEmergencyProfileChange': {
      if (command.by.entity !== CHAIR_ENTITY) {
        return fail(ChangeControlErrorCode.DhsOnly);
      }
      if (state.current === null) {
        return fail(ChangeControlErrorCode.NoProfile);
      }
      const applied = applyChange(state.current.profile, command.change);
      if (!applied.ok) {
        return fail(applied.code);
      }
      const version = state.current.version + 1;
      return ok([
        { type: 'ProfileEmergencyChangeApplied', data: { changeId: command.changeId, change: command.change, appliedBy: member(command.by), reason: command.reason, version } },
        published(applied.profile, version, 'emergency', command.changeId),
      ]);
    }
    case 'CloseObjectionWindows':
      return ok(closeExpiredWindows(state, now));
    default:
      return unreachable(command);
  }
}

/** Presumed concurrence: every open proposal whose window has closed is accepted, oldest deadline first. */
function closeExpiredWindows(state: BoardState, now: Date): BoardEvent[] {
  const expired = [...state.proposals.values()]
    .filter((proposal) => proposal.status === 'open' && Date.parse(proposal.objectionDeadline) <= now.getTime())
    .sort((a, b) => Date.parse(a.objectionDeadline) - Date.parse(b.objectionDeadline) || a.id.localeCompare(b.id));
  const events: BoardEvent[] = [];
  let current = state.current;
  for (const proposal of expired) {
    const applied = current === null ? null : applyChange(current.profile, proposal.change);
    if (current === null || applied === null || !applied.ok) {
      const code = applied !== null && !applied.ok ? applied.code : ChangeControlErrorCode.NoProfile;
      events.push({ type: 'ProfileChangeWithdrawn', data: { proposalId: proposal.id, basis: 'no-longer-applicable', code } });
      continue;
    }
    const version = current.version + 1;
    const profile = { ...applied.profile, version };
    events.push({ type: 'ProfileChangeAccepted', data: { proposalId: proposal.id, basis: 'presumed-concurrence', version } });
    events.push({ type: 'ProfileVersionPublished', data: { version, profile, cause: 'proposal', causeId: proposal.id } });
    current = { version, profile };
  }
  return events;
}

/** The board's state after one of its events; events of other kinds leave it as it was. */
export function evolve(state: BoardState, event: BoardEvent): BoardState {
  if (event.type === 'ProfileVersionPublished') {
    const parsed = parseProfile(event.data.profile);
    if (!parsed.ok || (state.current !== null && event.data.version <= state.current.version)) {
      return state;
    }
    return { ...state, current: { version: event.data.version, profile: parsed.profile } };
  }
  if (event.type === 'ProfileEmergencyChangeApplied') {
    return state;
  }
  const proposals = new Map(state.proposals);
  const next = evolveProposal(state.proposals.get(event.data.proposalId), event);
  if (next !== undefined) {
    proposals.set(next.id, next);
  }
  return { ...state, proposals };
}

/** One proposal's state after one of its events (the projection stores what this returns). */
export function evolveProposal(proposal: Proposal | undefined, event: BoardEvent): Proposal | undefined {
  switch (event.type) {
    case 'ProfileChangeProposed': {
      if (proposal !== undefined) {
        return proposal;
      }
      const change = parseProfileChange(event.data.change);
      if (!change.ok) {
        return undefined;
      }
      const { proposalId, rationale, proposedBy, proposedAt, objectionDeadline, baseVersion } = event.data;
      return { status: 'open', id: proposalId, change: change.change, rationale, proposedBy: member(proposedBy), proposedAt, objectionDeadline, baseVersion };
    }
    case 'ProfileChangeObjected': {
      if (proposal === undefined || (proposal.status !== 'open' && proposal.status !== 'objected')) {
        return proposal;
      }
      const objections = proposal.status === 'objected' ? proposal.objections : [];
      return { ...base(proposal), status: 'objected', objections: [...objections, { by: member(event.data.objectedBy), reason: event.data.reason }] };
    }
    case 'ProfileChangeEscalated':
      return proposal?.status === 'objected' ? { ...base(proposal), status: 'escalated', objections: proposal.objections, escalatedBy: member(event.data.escalatedBy) } : proposal;
    case 'ProfileChangeAccepted':
      return proposal !== undefined && isPending(proposal) ? { ...base(proposal), status: 'accepted', basis: event.data.basis, version: event.data.version } : proposal;
    case 'ProfileChangeWithdrawn':
      return proposal !== undefined && isPending(proposal) ? { ...base(proposal), status: 'withdrawn', basis: event.data.basis } : proposal;
    case 'ProfileChangeCommented':
    case 'ProfileEmergencyChangeApplied':
    case 'ProfileVersionPublished':
      return proposal;
    default:
      return unreachable(event);
  }
}

export function isPending(proposal: Proposal): boolean {
  return proposal.status === 'open' || proposal.status === 'objected' || proposal.status === 'escalated';
}

function base(proposal: Proposal): ProposalBase {
  const { id, change, rationale, proposedBy, proposedAt, objectionDeadline, baseVersion } = proposal;
  return { id, change, rationale, proposedBy, proposedAt, objectionDeadline, baseVersion };
}

function published(profile: AisProfile, version: number, cause: 'proposal' | 'emergency', causeId: string): BoardEvent {
  return { type: 'ProfileVersionPublished', data: { version, profile: { ...profile, version }, cause, causeId } };
}

function member(by: BoardMember): BoardMember {
  return { principalId: by.principalId, entity: by.entity };
}

function note(text: string | undefined): { note?: string } {
  return text === undefined ? {} : { note: text };
}

function ok(events: BoardEvent[]): Decision {
  return { ok: true, events };
}

function fail(code: DecisionErrorCode): Decision {
  return { ok: false, code };
}

function unreachable(value: never): never {
  throw new Error(`unhandled case ${JSON.stringify(value)}`);
}
