import { isUtcTimestamp, type IndicatorPublishedV1, type StixObject, type SubmissionConcludedV1, type SubmissionScreenedV1 } from '@ais/contracts';

function stixTimestampOf(value: unknown): string | undefined {
  return isUtcTimestamp(value) ? value : undefined;
}

/**
 * The version of an object as TAXII names it (TAXII 2.1 §3.4.2.3): its `modified`, else its
 * `created`; objects with neither (SCOs) take the moment they were screened.
 */
export function versionOf(object: StixObject, screenedAt: string): string {
  return stixTimestampOf(object.modified) ?? stixTimestampOf(object.created) ?? screenedAt;
}

/**
 * One `IndicatorPublished` per screened object, each the same for every federal entity (§2.4).
 *
 * `heldFieldCount` is a count for the whole submission; it belongs to an object only when the
 * submission holds one object, otherwise no object can claim it and each gets 0.
 *
 * @param screenedAt the screening event's `occurredAt` (ISO 8601 UTC): the version of objects
 *   without `modified` or `created`, stable under replay.
 */
export function publishIndicators(screened: SubmissionScreenedV1, screenedAt: string): IndicatorPublishedV1[] {
  const heldFieldCount = screened.objects.length === 1 ? screened.heldFieldCount : 0;
  return screened.objects.map((object) => ({
    objectId: object.id,
    version: versionOf(object, screenedAt),
    object,
    submissionId: screened.submissionId,
    sourceObjectId: screened.renamedFrom?.[object.id] ?? object.id,
    heldFieldCount,
  }));
}

/**
 * What became of the screened submission, for the submitter's status: the objects published (with
 * the ids they were submitted under), and the failures and replacements screening passed on.
 */
export function conclusionOf(screened: SubmissionScreenedV1, published: readonly IndicatorPublishedV1[]): SubmissionConcludedV1 {
  return {
    submissionId: screened.submissionId,
    published: published.map(({ objectId, sourceObjectId, version }) => ({ objectId, sourceObjectId, version })),
    failures: screened.failures,
    replaced: screened.replaced ?? [],
  };
}
