import type { CountryCode } from 'libphonenumber-js/max';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { parseIPv4 } from '../checks/ip';
import { PII_PATTERNS } from '../regex/patterns';
import { hasContextBefore, keyHasContext } from '../text/context';
import type { Detector, FieldContext, Finding } from '../types';

/**
 * Telephone numbers, validated by libphonenumber-js with its full ("max") metadata: a number fires
 * only when the library says it is a valid number for its region, not merely phone-shaped.
 *
 * The library's own text scanner is slow (≈1 ms per 500 characters), so a linear pattern first finds
 * digit runs with phone punctuation and only those (7–15 digits) are parsed. International numbers
 * (`+44 …`, `0044 …`) need no region. National numbers are read as US numbers; other regions are
 * tried only with a phone context word before the number or in the property name, as are bare
 * digit runs without any separator (`pid 2025550143` is no phone number). A national number read as
 * North American must be grouped the way such numbers are written (3-3-4). Toll-free, premium-rate
 * and shared-cost numbers belong to organisations and do not fire.
 */

const CONTEXT_WORDS = ['phone', 'tel', 'telephone', 'mobile', 'cell', 'fax', 'call', 'called', 'sms', 'whatsapp', 'contact', 'reach', 'ph', 'mob'];
const KEY_WORDS = ['phone', 'tel', 'telephone', 'mobile', 'cell', 'fax', 'msisdn', 'contact'];
const OTHER_REGIONS: readonly CountryCode[] = ['GB', 'DE', 'FR', 'IN', 'AU', 'NL', 'ES', 'IT', 'BR', 'JP', 'MX', 'ZA'];

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

function hasSeparator(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charAt(i);
    if (ch === ' ' || ch === '-' || ch === '.' || ch === '(' || ch === ')' || ch === '/') {
      return true;
    }
  }
  return false;
}

/** ISO dates and times are digit runs with dashes too: `2024-03-02`, `2024-03-02 10:00`. */
function looksLikeDate(text: string): boolean {
  const c = (i: number): number => text.charCodeAt(i);
  const digit = (i: number): boolean => c(i) >= 48 && c(i) <= 57;
  return text.length >= 10 && digit(0) && digit(1) && digit(2) && digit(3) && (c(4) === 45 || c(4) === 47) && digit(5) && digit(6) && (c(7) === 45 || c(7) === 47);
}

/** Toll-free, premium-rate, shared-cost and universal access numbers belong to organisations, not to individuals. */
const SERVICE_NUMBER_TYPES: ReadonlySet<string> = new Set(['TOLL_FREE', 'PREMIUM_RATE', 'SHARED_COST', 'UAN']);

type Validity = 'personal' | 'service' | 'invalid';

function validityIn(candidate: string, region: CountryCode | undefined): Validity {
  const parsed = parsePhoneNumberFromString(candidate, region);
  if (parsed === undefined || !parsed.isValid()) {
    return 'invalid';
  }
  const type = parsed.getType();
  return type !== undefined && SERVICE_NUMBER_TYPES.has(type) ? 'service' : 'personal';
}

/** Lengths of the digit groups: `(415) 555-2671` → [3, 3, 4]. */
function digitGroups(text: string): number[] {
  const groups: number[] = [];
  let run = 0;
  for (let i = 0; i <= text.length; i += 1) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    if (code >= 48 && code <= 57) {
      run += 1;
    } else if (run > 0) {
      groups.push(run);
      run = 0;
    }
  }
  return groups;
}

/** North American numbers are written 3-3-4, 1-3-3-4 or as one run; `2024-4286-11` is a ticket number. */
function hasNanpGrouping(text: string): boolean {
  const groups = digitGroups(text).join(',');
  return groups === '3,3,4' || groups === '1,3,3,4' || groups === '10' || groups === '11';
}

export const phoneDetector: Detector = {
  id: 'phone',
  detect(text: string, context: FieldContext): Finding[] {
    const findings: Finding[] = [];
    let keyContext: boolean | undefined;
    for (const match of text.matchAll(PII_PATTERNS.phoneCandidate)) {
      const candidate = match[0];
      const start = match.index;
      const digits = countDigits(candidate);
      if (digits < 7 || digits > 15 || looksLikeDate(candidate) || parseIPv4(candidate) !== null) {
        continue;
      }
      const international = candidate.startsWith('+') || candidate.startsWith('00');
      keyContext ??= keyHasContext(context.key, KEY_WORDS);
      const hasContext = keyContext || hasContextBefore(text, start, CONTEXT_WORDS, 32);
      if (!international && !hasSeparator(candidate) && !hasContext) {
        continue;
      }
      const normalised = candidate.startsWith('00') ? `+${candidate.slice(2)}` : candidate;
      const first = validityIn(normalised, international ? undefined : 'US');
      let valid = first === 'personal' && (international || hasNanpGrouping(candidate));
      if (first === 'invalid' && !international && hasContext) {
        valid = OTHER_REGIONS.some((region) => validityIn(normalised, region) === 'personal');
      }
      if (valid) {
        findings.push({ detector: 'phone', start, end: start + candidate.length, reason: 'telephone number valid for its region (libphonenumber-js)' });
      }
    }
    return findings;
  },
};
