import { StixErrorCode } from '../error-codes';
import { compareStixTimestamps, isStixTimestamp } from '../timestamp';
import type { StixError } from '../validation-result';
import { report } from '../validation-result';

/** A new version never predates the first: `modified >= created` (STIX 2.1 §3.2). */
export function checkModifiedNotBeforeCreated(object: Record<string, unknown>, errors: StixError[]): void {
  const { created, modified } = object;
  if (isStixTimestamp(created) && isStixTimestamp(modified) && compareStixTimestamps(modified, created) < 0) {
    report(errors, StixErrorCode.ModifiedBeforeCreated, '/modified', 'modified must be later than or equal to created');
  }
}
