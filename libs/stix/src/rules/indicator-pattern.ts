import { parsePattern } from '../pattern/parse-pattern';
import type { StixError } from '../validation-result';
import { report } from '../validation-result';

/**
 * A `pattern_type: "stix"` indicator's pattern parses (STIX 2.1 §9). Other pattern languages
 * (sigma, snort, suricata, yara, pcre…) are opaque text here.
 */
export function checkIndicatorPattern(object: Record<string, unknown>, errors: StixError[]): void {
  if (object.pattern_type !== 'stix' || typeof object.pattern !== 'string') {
    return;
  }
  const result = parsePattern(object.pattern);
  if (!result.ok) {
    report(errors, result.code, '/pattern', `${result.message} (at offset ${result.position})`);
  }
}
