import { PII_PATTERNS } from '../regex/patterns';
import type { Detector, FieldContext, Finding } from '../types';

/**
 * Street addresses in the US/UK style: a house number, one to four capitalised name words (or a
 * compass point, or an ordinal such as `5th`), and a street suffix (`St`, `Avenue`, `Rd`, `Blvd` …);
 * and post-office boxes. Addresses written the continental way (`Rue de Rivoli 12`, `Hauptstraße 5`)
 * are not recognised: see the README's list of what is left out.
 */
export const streetAddressDetector: Detector = {
  id: 'street-address',
  detect(text: string, _context: FieldContext): Finding[] {
    const findings: Finding[] = [];
    for (const match of text.matchAll(PII_PATTERNS.streetAddress)) {
      findings.push({ detector: 'street-address', start: match.index, end: match.index + match[0].length, reason: 'house number, street name and street suffix' });
    }
    if (text.includes('Box') || text.includes('BOX') || text.includes('box')) {
      for (const match of text.matchAll(PII_PATTERNS.poBox)) {
        findings.push({ detector: 'street-address', start: match.index, end: match.index + match[0].length, reason: 'post-office box' });
      }
    }
    return findings;
  },
};
