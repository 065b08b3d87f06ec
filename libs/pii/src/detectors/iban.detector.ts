import { IBAN_LENGTHS, isValidIban } from '../checks/iban';
import { PII_PATTERNS } from '../regex/patterns';
import type { Detector, FieldContext, Finding } from '../types';

/**
 * International Bank Account Numbers: country code, two check digits and the country's BBAN, printed
 * compact or in groups of four. A candidate fires only with the registry length of its country and
 * a correct ISO 7064 mod-97 checksum. The candidate pattern is greedy, so a following upper-case
 * word (`… 0130 00 IBAN`) is trimmed off by cutting the candidate at the country's length.
 */
export const ibanDetector: Detector = {
  id: 'iban',
  detect(text: string, _context: FieldContext): Finding[] {
    const findings: Finding[] = [];
    for (const match of text.matchAll(PII_PATTERNS.ibanCandidate)) {
      const raw = match[0];
      const expected = IBAN_LENGTHS[raw.slice(0, 2).toUpperCase()];
      if (expected === undefined) {
        continue;
      }
      // Walk the raw text until `expected` alphanumerics are collected; the cut must fall on the
      // end of the candidate or on a space.
      let taken = 0;
      let end = 0;
      let compact = '';
      while (end < raw.length && taken < expected) {
        const ch = raw.charAt(end);
        if (ch !== ' ') {
          compact += ch;
          taken += 1;
        }
        end += 1;
      }
      if (taken !== expected || (end < raw.length && raw.charAt(end) !== ' ')) {
        continue;
      }
      if (isValidIban(compact.toUpperCase())) {
        findings.push({ detector: 'iban', start: match.index, end: match.index + end, reason: `IBAN with the ${expected}-character length of its country and a valid mod-97 checksum` });
      }
    }
    return findings;
  },
};
