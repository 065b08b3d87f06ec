import { isLuhnValid } from '../checks/luhn';
import { PII_PATTERNS } from '../regex/patterns';
import type { Detector, FieldContext, Finding } from '../types';

/**
 * Payment card numbers (PANs): 12–19 digits, optionally grouped by single spaces or dashes (one kind
 * of separator), passing the Luhn check and matching a card scheme's IIN range and length.
 */

interface Scheme {
  readonly name: string;
  readonly lengths: readonly number[];
  /** Inclusive IIN ranges over the first `digits` digits. */
  readonly ranges: readonly (readonly [number, number, number])[];
}

const SCHEMES: readonly Scheme[] = [
  { name: 'Visa', lengths: [13, 16, 19], ranges: [[1, 4, 4]] },
  { name: 'Mastercard', lengths: [16], ranges: [[2, 51, 55], [4, 2221, 2720]] },
  { name: 'American Express', lengths: [15], ranges: [[2, 34, 34], [2, 37, 37]] },
  { name: 'Discover', lengths: [16, 17, 18, 19], ranges: [[4, 6011, 6011], [3, 644, 649], [2, 65, 65], [6, 622126, 622925]] },
  { name: 'Diners Club', lengths: [14, 15, 16, 17, 18, 19], ranges: [[3, 300, 305], [2, 36, 36], [2, 38, 39]] },
  { name: 'JCB', lengths: [16, 17, 18, 19], ranges: [[4, 3528, 3589]] },
  { name: 'UnionPay', lengths: [16, 17, 18, 19], ranges: [[2, 62, 62]] },
  { name: 'Maestro', lengths: [12, 13, 14, 15, 16, 17, 18, 19], ranges: [[4, 5018, 5018], [4, 5020, 5020], [4, 5038, 5038], [4, 5893, 5893], [4, 6304, 6304], [4, 6759, 6759], [4, 6761, 6763]] },
  { name: 'Mir', lengths: [16, 17, 18, 19], ranges: [[4, 2200, 2204]] },
  { name: 'RuPay', lengths: [16], ranges: [[2, 60, 60], [3, 652, 652], [2, 81, 82], [3, 508, 508]] },
];

/** The card scheme whose IIN range and length fit `digits`, or undefined. */
export function cardScheme(digits: string): string | undefined {
  for (const scheme of SCHEMES) {
    if (!scheme.lengths.includes(digits.length)) {
      continue;
    }
    for (const [width, low, high] of scheme.ranges) {
      const prefix = Number(digits.slice(0, width));
      if (prefix >= low && prefix <= high) {
        return scheme.name;
      }
    }
  }
  return undefined;
}

function compact(candidate: string): { digits: string; consistent: boolean } {
  let digits = '';
  let separator = '';
  let consistent = true;
  for (let i = 0; i < candidate.length; i += 1) {
    const ch = candidate.charAt(i);
    if (ch === ' ' || ch === '-') {
      if (separator === '') {
        separator = ch;
      } else if (separator !== ch) {
        consistent = false;
      }
    } else {
      digits += ch;
    }
  }
  return { digits, consistent };
}

export const paymentCardDetector: Detector = {
  id: 'payment-card',
  detect(text: string, _context: FieldContext): Finding[] {
    const findings: Finding[] = [];
    for (const match of text.matchAll(PII_PATTERNS.cardCandidate)) {
      const { digits, consistent } = compact(match[0]);
      if (!consistent || !isLuhnValid(digits)) {
        continue;
      }
      const scheme = cardScheme(digits);
      if (scheme !== undefined) {
        findings.push({
          detector: 'payment-card',
          start: match.index,
          end: match.index + match[0].length,
          reason: `Luhn-valid ${digits.length}-digit ${scheme} number`,
        });
      }
    }
    return findings;
  },
};
