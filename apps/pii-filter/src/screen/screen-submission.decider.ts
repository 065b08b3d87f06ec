import type { ObjectFailure, StixObject, SubmissionAnonymizedV1, SubmissionScreenedV1 } from '@ais/contracts';
import { buildScreeningContext, rewriteReferences, screenObject, type HeldField } from '@ais/pii';
import { parsePattern, type PatternComparison } from '@ais/stix';

/** Fields withheld from one object, with their values: the adapter seals these. */
export interface ObjectHold {
  readonly objectId: string;
  readonly objectType: string;
  readonly objectVersion: string;
  readonly fields: readonly Pick<HeldField, 'path' | 'detector' | 'reason'>[];
  readonly values: Readonly<Record<string, unknown>>;
  /** The object as published without the held fields: the analyst's context. */
  readonly cleared: StixObject;
}

export interface ScreenDecision {
  readonly screened: SubmissionScreenedV1;
  readonly holds: readonly ObjectHold[];
  /** Counts for metrics: never values. */
  readonly stats: { readonly screenedFields: number; readonly heldFields: number; readonly nuisance: number; readonly flags: number };
}

export const NUISANCE_CODE = 'AIS_SCREENING_NUISANCE_INDICATOR';

/**
 * §2.3.2.1 and §2.3.2.3 for one submission: every field of every object is screened; fields that
 * may hold personal information not directly related to the threat are withheld (and returned for
 * sealing), nuisance indicators are dropped with their reason, and an observable whose id derives
 * from a withheld value gets a new id with every reference rewritten. `newIdFor` mints that id
 * deterministically, so a redo after a crash gives the same output.
 */
export function screenSubmission(anonymized: SubmissionAnonymizedV1, newIdFor: (oldId: string) => string): ScreenDecision {
  const valuesByIndicator = new Map<string, string[]>();
  for (const object of anonymized.objects) {
    if (object.type === 'indicator' && object.pattern_type === 'stix' && typeof object.pattern === 'string') {
      const parsed = parsePattern(object.pattern);
      valuesByIndicator.set(object.id, parsed.ok ? parsed.comparisons.flatMap(stringValuesOf) : []);
    }
  }
  const context = buildScreeningContext(anonymized.objects, [...valuesByIndicator.values()].flat());

  const kept: StixObject[] = [];
  const failures: ObjectFailure[] = [...anonymized.failures];
  const holds: ObjectHold[] = [];
  const renamed = new Map<string, string>();
  let screenedFields = 0;
  let flags = 0;
  for (const object of anonymized.objects) {
    const result = screenObject(object, { ...context, ownPatternValues: valuesByIndicator.get(object.id) });
    screenedFields += result.stats.screenedFields;
    flags += result.flags.length;
    if (result.nuisance !== undefined) {
      failures.push({ objectId: object.id, code: NUISANCE_CODE, message: `dropped as a nuisance indicator: ${result.nuisance.reason}` });
      continue;
    }
    const cleared = result.requiresNewId ? { ...result.cleared, id: newIdFor(object.id) } : result.cleared;
    if (cleared.id !== object.id) {
      renamed.set(object.id, cleared.id);
    }
    kept.push(cleared);
    if (result.held.length > 0) {
      holds.push({
        objectId: cleared.id,
        objectType: object.type,
        objectVersion: versionOf(cleared),
        fields: result.held.map(({ path, detector, reason }) => ({ path, detector, reason })),
        values: Object.fromEntries(result.held.map((held) => [held.path, held.value])),
        cleared,
      });
    }
  }
  const objects = rewriteReferences(kept, renamed);
  const heldFields = holds.reduce((sum, hold) => sum + hold.fields.length, 0);
  return {
    screened: {
      submissionId: anonymized.submissionId,
      profileVersion: anonymized.profileVersion,
      receivedAt: anonymized.receivedAt,
      objects,
      submitter: anonymized.submitter,
      consent: anonymized.consent,
      failures,
      replaced: anonymized.replaced,
      heldFieldCount: heldFields,
      ...(renamed.size === 0 ? {} : { renamedFrom: Object.fromEntries([...renamed].map(([from, to]) => [to, from])) }),
    },
    holds: holds.map((hold) => ({ ...hold, cleared: rewriteReferences([hold.cleared], renamed)[0] ?? hold.cleared })),
    stats: { screenedFields, heldFields, nuisance: failures.length - anonymized.failures.length, flags },
  };
}

/** The string values a comparison tests (`=`, `IN (…)`, `LIKE` …): the indicator's observables. */
function stringValuesOf(comparison: PatternComparison): string[] {
  const value = comparison.value;
  if (value === null || comparison.negated) {
    return [];
  }
  if (value.kind === 'set') {
    return value.values.flatMap((item) => (item.kind === 'string' ? [item.value] : []));
  }
  return value.kind === 'string' ? [value.value] : [];
}

/** SCOs have no `modified`; their version is their containing object's, or none. */
function versionOf(object: StixObject): string {
  return typeof object.modified === 'string' ? object.modified : typeof object.created === 'string' ? object.created : '1970-01-01T00:00:00.000Z';
}
