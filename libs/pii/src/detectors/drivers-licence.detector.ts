import { PII_PATTERNS } from '../regex/patterns';
import { hasContextBefore, keyHasContext } from '../text/context';
import type { Detector, FieldContext, Finding } from '../types';

/**
 * Driver's licence numbers: US states and other countries use letters, digits and dashes of 5–18
 * characters (`D1234567`, `S123-456-78-901-0`, nine digits). Context only: a driving-licence phrase
 * within 40 characters before, or in the property name. "License" alone (software licences) is no
 * context.
 */
const CONTEXT_WORDS = [
  "driver's license", "driver's licence", 'drivers license', 'drivers licence', 'driver license', 'driver licence',
  'driving licence', 'driving license', "driver’s license", "driver’s licence", 'dl#', 'dl #', 'dl no', 'dl number', 'dln',
];
const KEY_WORDS = ['driver', 'drivers', 'dl', 'dln', 'driving'];

function countDigits(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      count += 1;
    }
  }
  return count;
}

export const driversLicenceDetector: Detector = {
  id: 'drivers-licence',
  detect(text: string, context: FieldContext): Finding[] {
    const findings: Finding[] = [];
    let keyContext: boolean | undefined;
    for (const match of text.matchAll(PII_PATTERNS.licenceCandidate)) {
      const candidate = match[0];
      if (countDigits(candidate) < 5 || candidate.includes('--')) {
        continue;
      }
      keyContext ??= keyHasContext(context.key, KEY_WORDS);
      if (keyContext || hasContextBefore(text, match.index, CONTEXT_WORDS, 40)) {
        findings.push({ detector: 'drivers-licence', start: match.index, end: match.index + candidate.length, reason: 'licence-number shape after a driving-licence context word' });
      }
    }
    return findings;
  },
};
