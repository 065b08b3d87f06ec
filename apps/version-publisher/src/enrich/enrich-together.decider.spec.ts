import type { StixObject } from '@ais/contracts';
import type { KnownVersion } from '../revise/next-version';
import { CORROBORATION_COUNT_PROPERTY } from './corroborate.decider';
import { enrichTogether, objectsThatMayBeEnriched, type PatternState, type ReportedIndicator, type SubmissionReports } from './enrich-together.decider';

const EARLIEST = 'indicator--00000000-0000-4000-8000-000000000001';

function first(objectId: string, modified = '2026-11-01T00:00:00.000Z'): KnownVersion {
  const object: StixObject = { type: 'indicator', spec_version: '2.1', id: objectId, created: modified, modified, pattern: "[url:value = 'x']", pattern_type: 'stix' };
  return { version: modified, object };
}

function submission(submitterKey: string, reportedAt: string, objectId: string, patternKey = 'p', confidence: number | null = null): SubmissionReports {
  const report: ReportedIndicator = { patternKey, objectId, submissionId: `s-${objectId}`, submitterKey, confidence };
  return { reports: [report], reportedAt };
}

const known = (state: Omit<PatternState, 'earliestSubmissionId'>): PatternState => ({ earliestSubmissionId: `s-${state.earliestObjectId}`, ...state });

describe('objectsThatMayBeEnriched', () => {
  it('names no object while every pattern has one submitter', () => {
    const before = new Map([['p', known({ earliestObjectId: EARLIEST, publishedCount: 1, reports: [{ objectId: EARLIEST, submitterKey: 'energy', confidence: null }] })]]);

    expect(objectsThatMayBeEnriched(before, [submission('energy', '2026-11-02T00:00:00.000Z', 'indicator--b')])).toEqual([]);
  });

  it('names the earliest indicator of a pattern a second submitter reports, also of a pattern new in the same transaction', () => {
    const before = new Map([['p', known({ earliestObjectId: EARLIEST, publishedCount: 1, reports: [{ objectId: EARLIEST, submitterKey: 'energy', confidence: null }] })]]);

    const named = objectsThatMayBeEnriched(before, [
      submission('water', '2026-11-02T00:00:00.000Z', 'indicator--b'),
      submission('energy', '2026-11-02T00:00:00.000Z', 'indicator--new-first', 'q'),
      submission('chemical', '2026-11-02T00:00:00.000Z', 'indicator--new-second', 'q'),
    ]);

    expect(named).toEqual([EARLIEST, 'indicator--new-first']);
    expect(before.get('p')?.reports).toHaveLength(1);
  });

  it('names nothing the last published version already counts', () => {
    const reports = ['energy', 'water'].map((submitterKey, i) => ({ objectId: `indicator--${i}`, submitterKey, confidence: null }));
    const before = new Map([['p', known({ earliestObjectId: 'indicator--0', publishedCount: 2, reports })]]);

    expect(objectsThatMayBeEnriched(before, [submission('water', '2026-11-02T00:00:00.000Z', 'indicator--again')])).toEqual([]);
  });
});

describe('enrichTogether', () => {
  const before = new Map([['p', known({ earliestObjectId: EARLIEST, publishedCount: 1, reports: [{ objectId: EARLIEST, submitterKey: 'energy', confidence: null }] })]]);
  const latest = new Map([[EARLIEST, first(EARLIEST)]]);

  it('decides for each submission in turn, each version built on the one made before it', () => {
    const { enriched, publishedCounts } = enrichTogether(
      before,
      [
        submission('energy', '2026-11-02T00:00:00.000Z', 'indicator--same-submitter'),
        submission('water', '2026-11-03T00:00:00.000Z', 'indicator--b'),
        submission('chemical', '2026-11-02T00:00:00.000Z', 'indicator--c', 'p', 90),
      ],
      latest,
    );

    expect(enriched.map((made) => made.length)).toEqual([0, 1, 1]);
    const [second, third] = [enriched[1]![0]!, enriched[2]![0]!];
    expect(second).toMatchObject({ patternKey: 'p', earliestObjectId: EARLIEST, earliestSubmissionId: `s-${EARLIEST}`, count: 2 });
    expect(second.version.version).toBe('2026-11-03T00:00:00.000Z');
    expect(second.version.object).toMatchObject({ modified: '2026-11-03T00:00:00.000Z', [CORROBORATION_COUNT_PROPERTY]: 2, confidence: 75 });
    // Reported earlier than the version just made: 1 ms past it, as one transaction after another gives.
    expect(third.version.version).toBe('2026-11-03T00:00:00.001Z');
    expect(third.version.object).toMatchObject({ [CORROBORATION_COUNT_PROPERTY]: 3, confidence: 98 });
    expect(publishedCounts).toEqual(new Map([['p', 3]]));
  });

  it('counts an indicator recorded before (a redelivered submission) once', () => {
    const { enriched, publishedCounts } = enrichTogether(before, [submission('water', '2026-11-02T00:00:00.000Z', EARLIEST)], latest);

    expect(enriched).toEqual([[]]);
    expect(publishedCounts.size).toBe(0);
  });

  it('makes no version of an indicator whose latest version was not read', () => {
    const { enriched } = enrichTogether(before, [submission('water', '2026-11-02T00:00:00.000Z', 'indicator--b')], new Map());

    expect(enriched).toEqual([[]]);
  });
});
