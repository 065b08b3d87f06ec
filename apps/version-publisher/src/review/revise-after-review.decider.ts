import type { ReviewDecidedV1, StixObject } from '@ais/contracts';
import { removeFields, restoreFields, sameJson } from '../revise/apply-fields';
import { nextVersion, stampVersion, type KnownVersion } from '../revise/next-version';

export enum ReviewRevisionErrorCode {
  /** A path in `restored` or `removed` is not a field path, or names the object's identity. */
  BadFieldPath = 'AIS_PUBLISH_BAD_FIELD_PATH',
  /** The version the decision applies to never reached the repository within the wait. */
  UnknownVersion = 'AIS_PUBLISH_DECISION_VERSION_UNKNOWN',
}

/** What a review decision does to the published object. */
export type ReviewRevision =
  /** A new version: same id, `version` strictly later than every stored one. */
  | { readonly kind: 'publish'; readonly object: StixObject; readonly version: string }
  /**
   * Nothing to publish: every field was deleted (`nothing-restored`: the withheld values are gone
   * with their key, and the published version already lacks them), or the result is the latest
   * version again (`unchanged`).
   */
  | { readonly kind: 'nothing'; readonly reason: 'nothing-restored' | 'unchanged' }
  | { readonly kind: 'invalid'; readonly code: ReviewRevisionErrorCode; readonly reason: string };

/**
 * §2.3.2.2/§2.4: after human review, released and redacted fields come out as a new STIX version
 * of the same object, and fields a notice shows should not have travelled are taken out.
 *
 * The decision applies to `latest`, the latest version stored for the object (at least the one the
 * decision names, which the adapter checks exists): a decision carries only the fields it touches,
 * so whatever later versions added (a corroboration count, an earlier decision's fields) stays.
 *
 * The new version is the decision time, or one millisecond after `latest` if that is not later.
 */
export function reviseAfterReview(decision: ReviewDecidedV1, latest: KnownVersion): ReviewRevision {
  const removed = decision.removed ?? [];
  if (Object.keys(decision.restored).length === 0 && removed.length === 0) {
    return { kind: 'nothing', reason: 'nothing-restored' };
  }
  const deletedPaths = decision.fields.filter((field) => field.outcome === 'deleted').map((field) => field.path);
  const restored = restoreFields(latest.object, decision.restored, deletedPaths);
  if (!restored.ok) {
    return { kind: 'invalid', code: ReviewRevisionErrorCode.BadFieldPath, reason: restored.reason };
  }
  const result = removeFields(restored.object, removed);
  if (!result.ok) {
    return { kind: 'invalid', code: ReviewRevisionErrorCode.BadFieldPath, reason: result.reason };
  }
  if (sameJson(result.object, latest.object)) {
    return { kind: 'nothing', reason: 'unchanged' };
  }
  const version = nextVersion(decision.decidedAt, latest.version);
  return { kind: 'publish', object: stampVersion(result.object, version), version };
}
