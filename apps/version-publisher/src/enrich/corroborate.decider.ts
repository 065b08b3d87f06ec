import type { StixObject, SubmitterProfile } from '@ais/contracts';
import { createHash } from 'node:crypto';
import { nextVersion, stampVersion, type KnownVersion } from '../revise/next-version';
import { normalisePattern } from './normalise-pattern';

/** The custom property carrying how many submitters reported the indicator (STIX 2.1 §11.1). */
export const CORROBORATION_COUNT_PROPERTY = 'x_ais_corroboration_count';

/** A report's weight when the submitter stated no `confidence`: STIX's "Medium" (50). */
export const DEFAULT_REPORT_CONFIDENCE = 50;

/** One indicator as reported: who reported it (as far as can be told), and the confidence stated. */
export interface IndicatorReport {
  /** `submitterKeyOf` the submission's submitter profile. */
  readonly submitterKey: string;
  readonly confidence: number | null;
}

export interface Corroboration {
  /** Distinct submitters that reported the indicator. */
  readonly count: number;
  /** STIX `confidence` (0–100). */
  readonly confidence: number;
}

/**
 * The key under which reports of one indicator meet: SHA-256 of its normalised STIX pattern, or
 * null for objects that are not indicators with a STIX pattern (other pattern languages are not
 * compared). The pattern is published content; the hash only keeps the index small.
 */
export function patternKeyOf(object: StixObject): string | null {
  if (object.type !== 'indicator' || object.pattern_type !== 'stix' || typeof object.pattern !== 'string') {
    return null;
  }
  const normalised = normalisePattern(object.pattern);
  return normalised === null ? null : createHash('sha256').update(normalised).digest('hex');
}

/**
 * Who reported an indicator, as far as version-publisher can tell: submitters reach it anonymized
 * (§2.3.1.3) with only their sector(s) and approximate location, which travel with every
 * submission. Two submitters sharing all of these count as one, so corroboration is understated,
 * never inflated by one submitter sending the same indicator again.
 */
export function submitterKeyOf(profile: SubmitterProfile): string {
  const sectors = [...new Set(profile.sectors.map((sector) => sector.trim().toLowerCase()))].sort();
  const place = [profile.city, profile.state, profile.country].map((part) => (part ?? '').trim().toLowerCase());
  return createHash('sha256').update(JSON.stringify([sectors, ...place])).digest('hex');
}

/** The indicator's own `confidence` when it is a STIX confidence (integer 0–100), else null. */
export function statedConfidence(object: StixObject): number | null {
  const value = object.confidence;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100 ? value : null;
}

/**
 * §2.3.2.3 enrichment: how far independent reports corroborate an indicator.
 *
 * - `count` = distinct submitters (`submitterKeyOf`). Indicators with the same pattern sent by one
 *   submitter, in one submission or several, count once; the same object id sent again (the
 *   creator's own update) is not a new report.
 * - `confidence` = 1 − Π(1 − cᵢ/100) over the submitters, as a percentage rounded to an integer:
 *   each submitter is an independent source that is right with probability cᵢ/100, where cᵢ is
 *   the highest `confidence` its indicators state, or 50 (STIX "Medium") when none does. Two
 *   unrated submitters give 75, three 88, four 94; it never falls as reports are added, and never
 *   exceeds 100.
 */
export function corroborate(reports: readonly IndicatorReport[]): Corroboration {
  const bySubmitter = new Map<string, number>();
  for (const report of reports) {
    const confidence = report.confidence ?? DEFAULT_REPORT_CONFIDENCE;
    bySubmitter.set(report.submitterKey, Math.max(bySubmitter.get(report.submitterKey) ?? 0, confidence));
  }
  let doubt = 1;
  for (const confidence of bySubmitter.values()) {
    doubt *= 1 - confidence / 100;
  }
  return { count: bySubmitter.size, confidence: Math.min(100, Math.max(0, Math.round(100 * (1 - doubt)))) };
}

export type Enrichment =
  | { readonly kind: 'publish'; readonly object: StixObject; readonly version: string; readonly corroboration: Corroboration }
  | { readonly kind: 'nothing' };

/**
 * A new version of the earliest indicator whenever more submitters report it than its last
 * enriched version says (and at least two): `x_ais_corroboration_count` and `confidence` set on
 * `latest`, the latest version stored for it, so review releases stay. The version is `reportedAt`
 * (when the corroborating report was screened) or one millisecond after `latest`.
 *
 * @param publishedCount the count of the last enriched version (1 before any).
 */
/** Whether the reports make a new version: more than one submitter, and more than the last one published says. */
export function corroboratesFurther(reports: readonly IndicatorReport[], publishedCount: number): boolean {
  const count = corroborate(reports).count;
  return count >= 2 && count > publishedCount;
}

export function enrich(latest: KnownVersion, reports: readonly IndicatorReport[], publishedCount: number, reportedAt: string): Enrichment {
  if (!corroboratesFurther(reports, publishedCount)) {
    return { kind: 'nothing' };
  }
  const corroboration = corroborate(reports);
  const version = nextVersion(reportedAt, latest.version);
  const object = stampVersion({ ...latest.object, [CORROBORATION_COUNT_PROPERTY]: corroboration.count, confidence: corroboration.confidence }, version);
  return { kind: 'publish', object, version, corroboration };
}
