import { StixErrorCode } from '../error-codes';
import type { StixError } from '../validation-result';
import { report } from '../validation-result';
import { TLP_MARKING_IDS } from './reference-specs';

/**
 * TLP marking definitions are the four of STIX 2.1 §7.2.1.4 and no others: a `tlp` definition
 * must carry the identifier assigned to its colour.
 */
export function checkTlpMarkingStandard(object: Record<string, unknown>, errors: StixError[]): void {
  if (object.definition_type !== 'tlp' || typeof object.definition !== 'object' || object.definition === null) {
    return;
  }
  const colour = (object.definition as Record<string, unknown>).tlp;
  if (typeof colour !== 'string' || !Object.prototype.hasOwnProperty.call(TLP_MARKING_IDS, colour)) {
    return; // the schema reports an unknown colour
  }
  if (object.id !== TLP_MARKING_IDS[colour]) {
    report(errors, StixErrorCode.TlpMarkingNotStandard, '/id', 'a TLP marking definition must use the identifier STIX 2.1 assigns to its colour');
  }
}
