import { BASELINE_PROFILE, ProfileChangeErrorCode, type ProfileChange } from '@ais/ais-profile';
import {
  ChangeControlErrorCode,
  decide,
  EMPTY_BOARD,
  evolve,
  OBJECTION_WINDOW_MS,
  type BoardCommand,
  type BoardEvent,
  type BoardMember,
  type BoardState,
  type DecisionErrorCode,
} from './change-control.decider';

const DHS: BoardMember = { principalId: '00000000-0000-0000-0000-000000000000', entity: 'homeland-security' };
const ENERGY: BoardMember = { principalId: '0b6d3c1e-2a4f-4e8d-9c7b-5a3f1e2d4c60', entity: 'energy' };
const JUSTICE: BoardMember = { principalId: '1c7e4d2f-3b5a-4f9e-8d8c-6b4a2f3e5d71', entity: 'justice' };
const TREASURY: BoardMember = { principalId: '2d8f5e3a-4c6b-4a0f-9e9d-7c5b3a4f6e82', entity: 'treasury' };

const P1 = '5b0c2f7e-9d41-4a3b-8e6f-1c2d3e4f5a60';
const P2 = '6c1d3f8e-0e52-4b4c-9f7a-2d3e4f5a6b71';
const E1 = '7d2e4a9f-1f63-4c5d-8a8b-3e4f5a6b7c82';

const T0 = new Date('2026-11-01T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const at = (days: number) => new Date(T0.getTime() + days * DAY);

const ADD_LANG: ProfileChange = { kind: 'add-property', objectType: 'indicator', property: 'lang' };
const DROP_DESCRIPTION: ProfileChange = { kind: 'delete-property', objectType: 'indicator', property: 'description' };

const baseline: BoardEvent = { type: 'ProfileVersionPublished', data: { version: 1, profile: BASELINE_PROFILE, cause: 'baseline' } };
const proposed = (proposalId = P1, change: ProfileChange = ADD_LANG, by = ENERGY, when = T0): BoardEvent => ({
  type: 'ProfileChangeProposed',
  data: {
    proposalId,
    change,
    rationale: 'why',
    proposedBy: by,
    proposedAt: when.toISOString(),
    objectionDeadline: new Date(when.getTime() + OBJECTION_WINDOW_MS).toISOString(),
    baseVersion: 1,
  },
});
const objected = (by = JUSTICE, proposalId = P1): BoardEvent => ({ type: 'ProfileChangeObjected', data: { proposalId, objectedBy: by, reason: 'discuss' } });
const escalated = (by = JUSTICE): BoardEvent => ({ type: 'ProfileChangeEscalated', data: { proposalId: P1, escalatedBy: by } });

/** Given these past events, when this command arrives at this time, then these events (or this error). */
function given(...history: BoardEvent[]) {
  const state: BoardState = history.reduce(evolve, EMPTY_BOARD);
  return {
    state,
    when(command: BoardCommand, now = T0) {
      const decision = decide(state, command, now);
      return {
        then(expected: BoardEvent[]) {
          expect(decision).toEqual({ ok: true, events: expected });
        },
        thenFails(code: DecisionErrorCode) {
          expect(decision).toEqual({ ok: false, code });
        },
        events(): BoardEvent[] {
          if (!decision.ok) {
            throw new Error(`expected events, got ${decision.code}`);
          }
          return decision.events;
        },
      };
    },
  };
}

const propose = (change: ProfileChange = ADD_LANG, by = ENERGY, proposalId = P1): BoardCommand => ({ type: 'ProposeProfileChange', proposalId, change, rationale: 'why', by });
const object = (by = JUSTICE, proposalId = P1): BoardCommand => ({ type: 'ObjectToProfileChange', proposalId, reason: 'discuss', by });
const resolve = (outcome: 'accepted' | 'withdrawn', by = DHS): BoardCommand => ({ type: 'ResolveProfileChange', proposalId: P1, outcome, by });
const tick: BoardCommand = { type: 'CloseObjectionWindows' };

function versionAfter(...history: BoardEvent[]) {
  return history.reduce(evolve, EMPTY_BOARD).current;
}

describe('AIS Profile change control', () => {
  describe('baseline', () => {
    it('publishes the committed profile as version 1 once, and never again', () => {
      given().when({ type: 'PublishBaselineProfile', profile: BASELINE_PROFILE }).then([baseline]);
      given(baseline).when({ type: 'PublishBaselineProfile', profile: BASELINE_PROFILE }).then([]);
    });
  });

  describe('proposing', () => {
    it('opens a proposal with a two-week objection window against the version in force', () => {
      given(baseline).when(propose()).then([proposed()]);
    });

    it.each<[string, BoardEvent[], BoardCommand, DecisionErrorCode]>([
      ['before any profile version', [], propose(), ChangeControlErrorCode.NoProfile],
      ['a change that does not fit the profile', [baseline], propose({ kind: 'add-property', objectType: 'indicator', property: 'pattern' }), ProfileChangeErrorCode.AlreadyInProfile],
      ['the deletion of a protected field', [baseline], propose({ kind: 'delete-property', objectType: 'indicator', property: 'id' }), ProfileChangeErrorCode.ProtectedField],
      ['a second open proposal on the same field', [baseline, proposed()], propose(ADD_LANG, JUSTICE, P2), ChangeControlErrorCode.FieldUnderProposal],
      ['a proposal id used before', [baseline, proposed()], propose(DROP_DESCRIPTION), ChangeControlErrorCode.ProposalExists],
    ])('refuses %s', (_label, history, command, code) => {
      given(...history).when(command).thenFails(code);
    });
  });

  describe('the 14-day window (presumed concurrence)', () => {
    it('does nothing while the window is open', () => {
      given(baseline, proposed()).when(tick, at(13.99)).then([]);
    });

    it('accepts an unobjected proposal when its window has passed and publishes the next version with the change', () => {
      const events = given(baseline, proposed()).when(tick, at(14)).events();
      expect(events.map((e) => e.type)).toEqual(['ProfileChangeAccepted', 'ProfileVersionPublished']);
      expect(events[0]).toEqual({ type: 'ProfileChangeAccepted', data: { proposalId: P1, basis: 'presumed-concurrence', version: 2 } });
      const next = versionAfter(baseline, proposed(), ...events);
      expect(next?.version).toBe(2);
      expect(next?.profile.version).toBe(2);
      expect(next?.profile.objectTypes.indicator?.properties).toHaveProperty('lang');
    });

    it('numbers versions without gaps when several windows close at once, oldest deadline first', () => {
      const events = given(baseline, proposed(P2, DROP_DESCRIPTION, JUSTICE, at(1)), proposed()).when(tick, at(20)).events();
      expect(events.filter((e) => e.type === 'ProfileChangeAccepted').map((e) => e.data)).toEqual([
        { proposalId: P1, basis: 'presumed-concurrence', version: 2 },
        { proposalId: P2, basis: 'presumed-concurrence', version: 3 },
      ]);
      const v3 = versionAfter(baseline, proposed(P2, DROP_DESCRIPTION, JUSTICE, at(1)), proposed(), ...events)?.profile;
      expect(v3?.objectTypes.indicator?.properties).toHaveProperty('lang');
      expect(v3?.objectTypes.indicator?.properties).not.toHaveProperty('description');
    });

    it('withdraws a proposal that an emergency fix made inapplicable before its window closed', () => {
      const emergency = given(baseline, proposed()).when({ type: 'ApplyEmergencyProfileChange', changeId: E1, change: ADD_LANG, reason: 'now', by: DHS }, at(2)).events();
      given(baseline, proposed(), ...emergency)
        .when(tick, at(14))
        .then([{ type: 'ProfileChangeWithdrawn', data: { proposalId: P1, basis: 'no-longer-applicable', code: ProfileChangeErrorCode.AlreadyInProfile } }]);
    });

    it('does not accept an objected proposal when its window passes', () => {
      given(baseline, proposed(), objected()).when(tick, at(30)).then([]);
    });
  });

  describe('objection and discussion', () => {
    it('records an objection within the window, and one per further entity', () => {
      given(baseline, proposed()).when(object(), at(13)).then([objected()]);
      given(baseline, proposed(), objected()).when(object(TREASURY), at(20)).then([objected(TREASURY)]);
    });

    it.each<[string, BoardEvent[], BoardCommand, Date, DecisionErrorCode]>([
      ['after the window', [baseline, proposed()], object(), at(14), ChangeControlErrorCode.ObjectionWindowClosed],
      ['by the proposing entity', [baseline, proposed()], object(ENERGY), at(1), ChangeControlErrorCode.OwnProposal],
      ['twice by one entity', [baseline, proposed(), objected()], object(), at(1), ChangeControlErrorCode.AlreadyObjected],
      ['to an unknown proposal', [baseline], object(JUSTICE, P2), at(1), ChangeControlErrorCode.UnknownProposal],
    ])('refuses an objection %s', (_label, history, command, now, code) => {
      given(...history).when(command, now).thenFails(code);
    });

    it('takes comments while a proposal is pending, not after', () => {
      const comment: BoardCommand = { type: 'CommentOnProfileChange', proposalId: P1, text: 'lang is a tag', by: ENERGY };
      given(baseline, proposed(), objected())
        .when(comment)
        .then([{ type: 'ProfileChangeCommented', data: { proposalId: P1, commentedBy: ENERGY, text: 'lang is a tag' } }]);
      const closed = given(baseline, proposed()).when(tick, at(15)).events();
      given(baseline, proposed(), ...closed).when(comment).thenFails(ChangeControlErrorCode.ProposalClosed);
    });

    it('lets the chair record a resolution in favour, which publishes the next version', () => {
      const events = given(baseline, proposed(), objected()).when({ ...resolve('accepted'), note: 'agreed at the meeting' } as BoardCommand).events();
      expect(events[0]).toEqual({ type: 'ProfileChangeAccepted', data: { proposalId: P1, basis: 'resolved', acceptedBy: DHS, version: 2, note: 'agreed at the meeting' } });
      expect(events[1]).toMatchObject({ type: 'ProfileVersionPublished', data: { version: 2, cause: 'proposal', causeId: P1 } });
    });

    it('lets the chair or the proposer withdraw, and nobody else', () => {
      given(baseline, proposed(), objected())
        .when(resolve('withdrawn'))
        .then([{ type: 'ProfileChangeWithdrawn', data: { proposalId: P1, basis: 'resolved', withdrawnBy: DHS } }]);
      given(baseline, proposed())
        .when(resolve('withdrawn', ENERGY))
        .then([{ type: 'ProfileChangeWithdrawn', data: { proposalId: P1, basis: 'withdrawn-by-proposer', withdrawnBy: ENERGY } }]);
      given(baseline, proposed(), objected()).when(resolve('withdrawn', TREASURY)).thenFails(ChangeControlErrorCode.ProposerOrChairOnly);
    });

    it.each<[string, BoardEvent[], BoardCommand, DecisionErrorCode]>([
      ['an acceptance by a member other than the chair', [baseline, proposed(), objected()], resolve('accepted', JUSTICE), ChangeControlErrorCode.ChairOnly],
      ['an acceptance of an open proposal (its window decides)', [baseline, proposed()], resolve('accepted'), ChangeControlErrorCode.NotObjected],
    ])('refuses %s', (_label, history, command, code) => {
      given(...history).when(command).thenFails(code);
    });
  });

  describe('escalation', () => {
    it('escalates an objected proposal to the chair, who records the outcome', () => {
      given(baseline, proposed(), objected()).when({ type: 'EscalateProfileChange', proposalId: P1, by: JUSTICE }).then([escalated()]);
      const events = given(baseline, proposed(), objected(), escalated()).when(resolve('accepted')).events();
      expect(events.map((e) => e.type)).toEqual(['ProfileChangeAccepted', 'ProfileVersionPublished']);
      given(baseline, proposed(), objected(), escalated())
        .when(resolve('withdrawn'))
        .then([{ type: 'ProfileChangeWithdrawn', data: { proposalId: P1, basis: 'resolved', withdrawnBy: DHS } }]);
    });

    it('escalates only an objected proposal, once; objections stop once escalated', () => {
      given(baseline, proposed()).when({ type: 'EscalateProfileChange', proposalId: P1, by: JUSTICE }).thenFails(ChangeControlErrorCode.NotObjected);
      given(baseline, proposed(), objected(), escalated()).when({ type: 'EscalateProfileChange', proposalId: P1, by: DHS }).thenFails(ChangeControlErrorCode.AlreadyEscalated);
      given(baseline, proposed(), objected(), escalated()).when(object(TREASURY)).thenFails(ChangeControlErrorCode.AlreadyEscalated);
    });
  });

  describe('emergency break fix', () => {
    it('applies a DHS change at once as the next version', () => {
      const events = given(baseline, proposed()).when({ type: 'ApplyEmergencyProfileChange', changeId: E1, change: DROP_DESCRIPTION, reason: 'leak', by: DHS }).events();
      expect(events[0]).toEqual({ type: 'ProfileEmergencyChangeApplied', data: { changeId: E1, change: DROP_DESCRIPTION, appliedBy: DHS, reason: 'leak', version: 2 } });
      expect(events[1]).toMatchObject({ type: 'ProfileVersionPublished', data: { version: 2, cause: 'emergency', causeId: E1 } });
      expect(versionAfter(baseline, ...events)?.profile.objectTypes.indicator?.properties).not.toHaveProperty('description');
    });

    it('is DHS only, and must fit the profile', () => {
      given(baseline).when({ type: 'ApplyEmergencyProfileChange', changeId: E1, change: DROP_DESCRIPTION, reason: 'x', by: JUSTICE }).thenFails(ChangeControlErrorCode.DhsOnly);
      given(baseline)
        .when({ type: 'ApplyEmergencyProfileChange', changeId: E1, change: { kind: 'add-vocabulary-value', vocabulary: 'consent', value: 'usg' }, reason: 'x', by: DHS })
        .thenFails(ProfileChangeErrorCode.AlreadyInProfile);
    });
  });

  describe('evolve', () => {
    it('ignores a version it has already (a replayed record)', () => {
      const v2: BoardEvent = { type: 'ProfileVersionPublished', data: { version: 2, profile: { ...BASELINE_PROFILE, version: 2 }, cause: 'emergency', causeId: E1 } };
      expect(versionAfter(baseline, v2, baseline)?.version).toBe(2);
    });

    it('keeps a closed proposal closed when a late event arrives', () => {
      const state = given(baseline, proposed(), { type: 'ProfileChangeWithdrawn', data: { proposalId: P1, basis: 'withdrawn-by-proposer' } }, objected()).state;
      expect(state.proposals.get(P1)?.status).toBe('withdrawn');
    });
  });
});
