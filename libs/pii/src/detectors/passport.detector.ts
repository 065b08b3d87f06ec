import { PII_PATTERNS } from '../regex/patterns';
import { hasContextBefore, keyHasContext } from '../text/context';
import type { Detector, FieldContext, Finding } from '../types';

/**
 * Passport numbers: up to two capital letters and 6–9 digits (US: nine digits; many countries: a
 * letter or two and digits). Context only: "passport" within 40 characters before, or in the
 * property name. No checksum exists outside the machine-readable zone.
 */
const CONTEXT_WORDS = ['passport', 'passport no', 'passport number', 'passport #', 'passport num', 'travel document'];

export const passportDetector: Detector = {
  id: 'passport',
  detect(text: string, context: FieldContext): Finding[] {
    const findings: Finding[] = [];
    let keyContext: boolean | undefined;
    for (const match of text.matchAll(PII_PATTERNS.passportCandidate)) {
      keyContext ??= keyHasContext(context.key, ['passport']);
      if (keyContext || hasContextBefore(text, match.index, CONTEXT_WORDS, 40)) {
        findings.push({ detector: 'passport', start: match.index, end: match.index + match[0].length, reason: 'passport-number shape after a passport context word' });
      }
    }
    return findings;
  },
};
