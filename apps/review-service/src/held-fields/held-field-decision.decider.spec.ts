import { DecisionErrorCode, decideHeldFields } from './held-field-decision.decider';

const task = { state: 'open', heldPaths: ['description', 'external_references[0].description'] };
const values = { description: 'Reported by Jane Doe, jane.doe@victim.example', 'external_references[0].description': 'ticket for John Roe' };

describe('decideHeldFields', () => {
  it('releases, redacts and deletes field by field, and restores only what is cleared', () => {
    const decision = decideHeldFields(task, values, [
      { path: 'description', outcome: 'redacted', redactedText: 'Reported by a finance employee' },
      { path: 'external_references[0].description', outcome: 'deleted' },
    ]);
    expect(decision).toEqual({
      ok: true,
      fields: [
        { path: 'description', outcome: 'redacted' },
        { path: 'external_references[0].description', outcome: 'deleted' },
      ],
      restored: { description: 'Reported by a finance employee' },
      taskState: 'redacted',
    });
  });

  it('releases the held value itself when it is no personal information or directly related', () => {
    const decision = decideHeldFields(task, values, [
      { path: 'description', outcome: 'released-related' },
      { path: 'external_references[0].description', outcome: 'released-no-pii' },
    ]);
    expect(decision).toMatchObject({ ok: true, restored: values, taskState: 'released' });
  });

  it('ends deleted when nothing is released', () => {
    const decision = decideHeldFields(task, values, [
      { path: 'description', outcome: 'deleted' },
      { path: 'external_references[0].description', outcome: 'deleted' },
    ]);
    expect(decision).toMatchObject({ ok: true, restored: {}, taskState: 'deleted' });
  });

  it.each([
    ['a decided task', { ...task, state: 'released' }, values, [], DecisionErrorCode.AlreadyDecided],
    ['deleted content', task, null, [], DecisionErrorCode.ContentDeleted],
    ['a field that was not held', task, values, [{ path: 'name', outcome: 'deleted' as const }], DecisionErrorCode.FieldNotHeld],
    ['an undecided field', task, values, [{ path: 'description', outcome: 'deleted' as const }], DecisionErrorCode.FieldUndecided],
    [
      'a field decided twice',
      task,
      values,
      [
        { path: 'description', outcome: 'deleted' as const },
        { path: 'description', outcome: 'released-no-pii' as const },
      ],
      DecisionErrorCode.FieldDecidedTwice,
    ],
    [
      'a redaction without its text',
      task,
      values,
      [
        { path: 'description', outcome: 'redacted' as const },
        { path: 'external_references[0].description', outcome: 'deleted' as const },
      ],
      DecisionErrorCode.RedactionMissing,
    ],
  ])('refuses %s', (_label, given, opened, decisions, code) => {
    expect(decideHeldFields(given, opened, decisions)).toEqual({ ok: false, code });
  });
});
