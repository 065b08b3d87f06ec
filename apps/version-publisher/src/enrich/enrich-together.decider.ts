import type { KnownVersion } from '../revise/next-version';
import { corroboratesFurther, enrich, type IndicatorReport } from './corroborate.decider';

/** One indicator recorded under its normalised pattern. */
export interface PatternReport extends IndicatorReport {
  readonly objectId: string;
}

/** An indicator a submission reports, as `recordReports` records it. */
export interface ReportedIndicator extends PatternReport {
  readonly patternKey: string;
  readonly submissionId: string;
}

/** What the database holds for one pattern: its earliest indicator and every report of it. */
export interface PatternState {
  readonly earliestObjectId: string;
  readonly earliestSubmissionId: string;
  /** The corroboration count of the last version published: 1 for the first (a new pattern). */
  readonly publishedCount: number;
  readonly reports: readonly PatternReport[];
}

/** One submission of a shared transaction: its indicators, and when it was screened. */
export interface SubmissionReports {
  readonly reports: readonly ReportedIndicator[];
  readonly reportedAt: string;
}

/** A new version of a pattern's earliest indicator, and the count it publishes. */
export interface EnrichedVersion {
  readonly patternKey: string;
  readonly earliestObjectId: string;
  readonly earliestSubmissionId: string;
  readonly version: KnownVersion;
  readonly count: number;
}

/**
 * The earliest indicators the submissions could give new versions to, whatever order they come
 * in: publishing only raises a pattern's published count, so a pattern that does not corroborate
 * further with every report in and its count as it is never will. These are locked and read once.
 */
export function objectsThatMayBeEnriched(before: ReadonlyMap<string, PatternState>, submissions: readonly SubmissionReports[]): string[] {
  const after = new Map(before);
  for (const submission of submissions) {
    recordInto(after, submission.reports);
  }
  const objects = new Set<string>();
  for (const state of after.values()) {
    if (corroboratesFurther(state.reports, state.publishedCount)) {
      objects.add(state.earliestObjectId);
    }
  }
  return [...objects].sort();
}

/**
 * §2.3.2.3 for several submissions in one transaction, one after another exactly as each in its
 * own transaction would go: each submission's reports are recorded, then each of its patterns
 * (in key order) that more submitters now report than its last enriched version says gets a new
 * version of its earliest indicator, built on the latest version known, including those made
 * here for earlier submissions. `before` is the patterns' state before any of them; `latest` the
 * latest known version of each object `objectsThatMayBeEnriched` named.
 *
 * Returns, per submission, the versions it causes; and each pattern's published count after all.
 */
export function enrichTogether(
  before: ReadonlyMap<string, PatternState>,
  submissions: readonly SubmissionReports[],
  latest: ReadonlyMap<string, KnownVersion>,
): { enriched: EnrichedVersion[][]; publishedCounts: Map<string, number> } {
  const states = new Map(before);
  const latestOf = new Map(latest);
  const publishedCounts = new Map<string, number>();
  const enriched = submissions.map(({ reports, reportedAt }) => {
    recordInto(states, reports);
    const made: EnrichedVersion[] = [];
    for (const patternKey of patternKeysOf(reports)) {
      const state = states.get(patternKey)!;
      const known = latestOf.get(state.earliestObjectId);
      if (known === undefined) {
        continue;
      }
      const outcome = enrich(known, state.reports, state.publishedCount, reportedAt);
      if (outcome.kind === 'nothing') {
        continue;
      }
      const version = { version: outcome.version, object: outcome.object };
      const count = outcome.corroboration.count;
      states.set(patternKey, { ...state, publishedCount: count });
      latestOf.set(state.earliestObjectId, version);
      publishedCounts.set(patternKey, count);
      made.push({ patternKey, earliestObjectId: state.earliestObjectId, earliestSubmissionId: state.earliestSubmissionId, version, count });
    }
    return made;
  });
  return { enriched, publishedCounts };
}

/** Each pattern once, in key order: the order every transaction locks them in. */
export function patternKeysOf(reports: readonly { readonly patternKey: string }[]): string[] {
  return [...new Set(reports.map((report) => report.patternKey))].sort();
}

/** As `recordReports` does: an object once per pattern; a pattern's first report is its earliest. */
function recordInto(states: Map<string, PatternState>, reports: readonly ReportedIndicator[]): void {
  for (const report of reports) {
    const { patternKey, objectId, submissionId, submitterKey, confidence } = report;
    const state = states.get(patternKey) ?? { earliestObjectId: objectId, earliestSubmissionId: submissionId, publishedCount: 1, reports: [] };
    if (!state.reports.some((known) => known.objectId === objectId)) {
      states.set(patternKey, { ...state, reports: [...state.reports, { objectId, submitterKey, confidence }] });
    }
  }
}
