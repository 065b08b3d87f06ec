import { StixErrorCode } from '../error-codes';
import { compareStixTimestamps, isStixTimestamp } from '../timestamp';
import type { StixError } from '../validation-result';
import { report } from '../validation-result';

/** An indicator is valid for a non-empty interval: `valid_until > valid_from` (STIX 2.1 §4.7). */
export function checkValidUntilAfterValidFrom(object: Record<string, unknown>, errors: StixError[]): void {
  const { valid_from: from, valid_until: until } = object;
  if (isStixTimestamp(from) && isStixTimestamp(until) && compareStixTimestamps(until, from) <= 0) {
    report(errors, StixErrorCode.ValidUntilNotAfterValidFrom, '/valid_until', 'valid_until must be later than valid_from');
  }
}
