import { PII_PATTERNS } from '../regex/patterns';
import { hasContextBefore, keyHasContext } from '../text/context';
import type { Detector, FieldContext, Finding } from '../types';

/**
 * US Social Security numbers. Written `123-45-6789` or `123 45 6789` (the same separator twice) they
 * fire on their own; nine bare digits only with a context word ("SSN", "social security") before
 * them or in the property name. Every candidate must pass the SSA range rules: area not 000, 666 or
 * 900–999; group not 00; serial not 0000; not one digit repeated; not a well-known fake (078-05-1120,
 * the Woolworth wallet card; 219-09-9999 from an SSA advertisement; 123-45-6789, the placeholder).
 */

const CONTEXT_WORDS = ['ssn', 'ssns', 'social security', 'social security number', 'soc sec', 'ss#', 'ss no', 'ss number', 'taxpayer id', 'tin'];
const KNOWN_FAKES: ReadonlySet<string> = new Set(['078051120', '219099999', '123456789']);

/** The SSA structural rules on nine digits. Exported for the corpus generator and specs. */
export function isPlausibleSsn(digits: string): boolean {
  if (digits.length !== 9) {
    return false;
  }
  const area = Number(digits.slice(0, 3));
  const group = digits.slice(3, 5);
  const serial = digits.slice(5);
  if (area === 0 || area === 666 || area >= 900 || group === '00' || serial === '0000') {
    return false;
  }
  let allSame = true;
  for (let i = 1; i < 9; i += 1) {
    if (digits.charAt(i) !== digits.charAt(0)) {
      allSame = false;
      break;
    }
  }
  return !allSame && !KNOWN_FAKES.has(digits);
}

export const ssnDetector: Detector = {
  id: 'ssn',
  detect(text: string, context: FieldContext): Finding[] {
    const findings: Finding[] = [];
    for (const match of text.matchAll(PII_PATTERNS.ssnDelimited)) {
      const candidate = match[0];
      if (candidate.charAt(3) !== candidate.charAt(6)) {
        continue; // mixed separators: `123-45 6789`
      }
      const digits = candidate.slice(0, 3) + candidate.slice(4, 6) + candidate.slice(7);
      if (isPlausibleSsn(digits)) {
        findings.push({ detector: 'ssn', start: match.index, end: match.index + candidate.length, reason: 'SSN within the SSA area, group and serial ranges' });
      }
    }
    if (text.length >= 9) {
      let keyContext: boolean | undefined;
      for (const match of text.matchAll(PII_PATTERNS.nineDigits)) {
        keyContext ??= keyHasContext(context.key, ['ssn', 'social security', 'social', 'tin']);
        if (isPlausibleSsn(match[0]) && (keyContext || hasContextBefore(text, match.index, CONTEXT_WORDS, 32))) {
          findings.push({ detector: 'ssn', start: match.index, end: match.index + 9, reason: 'nine digits after an SSN context word, within the SSA ranges' });
        }
      }
    }
    return findings;
  },
};
