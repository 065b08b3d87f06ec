import { backlogByKind } from './review-backlog';

describe('backlogByKind', () => {
  it('reports every kind, with 0 open and age 0 for kinds without open tasks', () => {
    expect(backlogByKind([{ kind: 'triage', open: 3, oldestAgeSeconds: 5400.5 }])).toEqual([
      { kind: 'held-field', open: 0, oldestAgeSeconds: 0 },
      { kind: 'triage', open: 3, oldestAgeSeconds: 5400.5 },
      { kind: 'notice', open: 0, oldestAgeSeconds: 0 },
    ]);
  });

  it('drops a kind outside the fixed set, so it never becomes a label', () => {
    expect(backlogByKind([{ kind: 'indicator--1234', open: 1, oldestAgeSeconds: 10 }]).map((b) => b.kind)).toEqual(['held-field', 'triage', 'notice']);
  });

  it('reports a task created after the database clock read (clock skew) as age 0, not negative', () => {
    expect(backlogByKind([{ kind: 'notice', open: 1, oldestAgeSeconds: -0.2 }])[2]).toEqual({ kind: 'notice', open: 1, oldestAgeSeconds: 0 });
  });
});
