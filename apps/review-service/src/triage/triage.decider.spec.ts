import { decideTriage, settleFromLog, TriageErrorCode, type TriageCommand, type TriageState } from './triage.decider';

const ANA = '0b6d3c1e-2a4f-4e8d-9c7b-5a3f1e2d4c60';
const BOB = '1b6d3c1e-2a4f-4e8d-9c7b-5a3f1e2d4c61';
const T0 = '2026-11-01T12:00:00.000Z';
const T1 = '2026-11-01T12:05:00.000Z';

const open: TriageState = { state: 'open' };
const claimedByAna: TriageState = { state: 'claimed', claimedBy: ANA, claimedAt: T0 };
const accepted: TriageState = { state: 'accepted', decidedBy: ANA, decidedAt: T0 };
const rejected: TriageState = { state: 'rejected', decidedBy: ANA, decidedAt: T0 };

const by = (who: string, kind: TriageCommand['kind']): TriageCommand => ({ kind, by: who, at: T1 });

describe('triage state machine', () => {
  it('given an open task, when an analyst claims it, then it is theirs', () => {
    expect(decideTriage(open, by(ANA, 'claim'))).toEqual({ ok: true, next: { state: 'claimed', claimedBy: ANA, claimedAt: T1 }, changed: true });
  });

  it('given an open task, when anyone accepts or rejects it, then the claim is missing', () => {
    expect(decideTriage(open, by(ANA, 'accept'))).toEqual({ ok: false, error: TriageErrorCode.NotClaimed });
    expect(decideTriage(open, by(ANA, 'reject'))).toEqual({ ok: false, error: TriageErrorCode.NotClaimed });
  });

  it('given a task claimed by Ana, when Ana claims it again, then nothing changes', () => {
    expect(decideTriage(claimedByAna, by(ANA, 'claim'))).toEqual({ ok: true, next: claimedByAna, changed: false });
  });

  it('given a task claimed by Ana, when Ana decides, then the decision is hers at that time', () => {
    expect(decideTriage(claimedByAna, by(ANA, 'accept'))).toEqual({ ok: true, next: { state: 'accepted', decidedBy: ANA, decidedAt: T1 }, changed: true });
    expect(decideTriage(claimedByAna, by(ANA, 'reject'))).toEqual({ ok: true, next: { state: 'rejected', decidedBy: ANA, decidedAt: T1 }, changed: true });
  });

  it('given a task claimed by Ana, when Bob claims or decides, then it is refused', () => {
    for (const kind of ['claim', 'accept', 'reject'] as const) {
      expect(decideTriage(claimedByAna, by(BOB, kind))).toEqual({ ok: false, error: TriageErrorCode.ClaimedByAnother });
    }
  });

  it('given a decided task, when anyone acts again (a repeated accept), then it is already decided', () => {
    for (const state of [accepted, rejected]) {
      for (const kind of ['claim', 'accept', 'reject'] as const) {
        expect(decideTriage(state, by(ANA, kind))).toEqual({ ok: false, error: TriageErrorCode.AlreadyDecided });
      }
    }
  });

  it('given a decision read back from the log, then an undecided task settles and a decided one keeps its first decision', () => {
    const logged = { state: 'rejected' as const, by: BOB, at: T1 };
    expect(settleFromLog(open, logged)).toEqual({ state: 'rejected', decidedBy: BOB, decidedAt: T1 });
    expect(settleFromLog(claimedByAna, logged)).toEqual({ state: 'rejected', decidedBy: BOB, decidedAt: T1 });
    expect(settleFromLog(accepted, logged)).toBe(accepted);
  });
});
