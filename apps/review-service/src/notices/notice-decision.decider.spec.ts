import { decideNotice, NoticeDecisionErrorCode, type NoticeDecisionInput } from './notice-decision.decider';
import { objectFields } from './object-paths';

const published = {
  type: 'indicator',
  spec_version: '2.1',
  id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
  created: '2026-11-01T00:00:00.000Z',
  modified: '2026-11-01T00:00:00.000Z',
  name: 'Sender Jane Doe',
  description: 'Call Jane on 555-0100',
  labels: ['jane'],
  external_references: [{ source_name: 'ticket', description: 'opened by Jane' }],
};
const open = { state: 'open', fields: objectFields(published) };
const correct = (remove: string[], redact: { path: string; text: string }[] = []): NoticeDecisionInput => ({ outcome: 'correct', remove, redact });

describe('decideNotice', () => {
  it('removes the chosen fields and ends deleted', () => {
    expect(decideNotice(open, correct(['description', 'external_references[0].description']))).toEqual({
      ok: true,
      outcome: 'correct',
      fields: [],
      restored: {},
      removed: ['description', 'external_references[0].description'],
      taskState: 'deleted',
    });
  });

  it('redacts text fields with the analyst’s text alongside removals, and ends redacted', () => {
    expect(decideNotice(open, correct(['labels'], [{ path: 'name', text: 'Sender in finance' }]))).toEqual({
      ok: true,
      outcome: 'correct',
      fields: [{ path: 'name', outcome: 'redacted' }],
      restored: { name: 'Sender in finance' },
      removed: ['labels'],
      taskState: 'redacted',
    });
  });

  it('dismisses an unfounded notice without touching the object, even when the object is not known here', () => {
    expect(decideNotice({ state: 'open', fields: null }, { outcome: 'dismiss', remove: [], redact: [] })).toEqual({ ok: true, outcome: 'dismiss', taskState: 'rejected' });
  });

  it.each([
    ['a decided notice', { ...open, state: 'deleted' }, correct(['description']), NoticeDecisionErrorCode.AlreadyDecided],
    ['a dismissal of a decided notice', { ...open, state: 'rejected' }, { outcome: 'dismiss' as const, remove: [], redact: [] }, NoticeDecisionErrorCode.AlreadyDecided],
    ['a dismissal that also removes', open, { outcome: 'dismiss' as const, remove: ['description'], redact: [] }, NoticeDecisionErrorCode.DismissalWithChanges],
    ['a correction of an object not published here', { state: 'open', fields: null }, correct(['description']), NoticeDecisionErrorCode.ObjectUnknown],
    ['a correction that chooses nothing', open, correct([]), NoticeDecisionErrorCode.NothingChosen],
    ['a path the object does not have', open, correct(['x_phone']), NoticeDecisionErrorCode.PathNotInObject],
    ['the object id', open, correct(['id']), NoticeDecisionErrorCode.PathNotInObject],
    ['a path inside another chosen one', open, correct(['external_references', 'external_references[0].description']), NoticeDecisionErrorCode.PathsOverlap],
    ['a path both removed and redacted', open, correct(['name'], [{ path: 'name', text: 'x' }]), NoticeDecisionErrorCode.PathsOverlap],
    ['a redaction of a list element', open, correct([], [{ path: 'labels[0]', text: 'x' }]), NoticeDecisionErrorCode.NotRedactable],
    ['a redaction of a container', open, correct([], [{ path: 'external_references[0]', text: 'x' }]), NoticeDecisionErrorCode.NotRedactable],
    ['an empty redaction', open, correct([], [{ path: 'name', text: '  ' }]), NoticeDecisionErrorCode.RedactionEmpty],
  ])('refuses %s', (_label, task, input, code) => {
    expect(decideNotice(task, input)).toEqual({ ok: false, code });
  });
});
