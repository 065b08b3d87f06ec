import { isAbaRoutingValid } from '../checks/aba';
import { PII_PATTERNS } from '../regex/patterns';
import { hasContextBefore, keyHasContext } from '../text/context';
import type { Detector, FieldContext, Finding } from '../types';

/**
 * Bank account and routing numbers. Digits alone say nothing (Presidio scores "any 6–17 digits"
 * 0.05), so this detector fires only in context: an account word within 40 characters before the
 * number ("account", "acct", "routing", "IBAN" is the IBAN detector's), or a property name such as
 * `x_account_number`. A nine-digit number after "routing"/"ABA" must pass the ABA checksum. Cloud
 * accounts ("AWS account 123456789012", "Azure subscription") are not bank accounts.
 */

const ACCOUNT_WORDS = ['account', 'acct', 'a/c', 'account no', 'account number', 'bank account', 'checking', 'savings', 'beneficiary', 'wire to', 'deposit to', 'sort code', 'bsb'];
const ROUTING_WORDS = ['routing', 'aba', 'rtn', 'routing number', 'transit number'];
const KEY_WORDS = ['account number', 'account', 'acct', 'routing', 'bank', 'aba'];
/** Accounts that are not bank accounts: cloud accounts and subscriptions. */
const NOT_BANK_WORDS = ['aws', 'amazon', 'azure', 'gcp', 'cloud', 'subscription', 'tenant', 'iam', 's3', 'project'];

function digitsOf(candidate: string): string {
  let digits = '';
  for (let i = 0; i < candidate.length; i += 1) {
    const code = candidate.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      digits += candidate.charAt(i);
    }
  }
  return digits;
}

export const bankAccountDetector: Detector = {
  id: 'bank-account',
  detect(text: string, context: FieldContext): Finding[] {
    const findings: Finding[] = [];
    let keyContext: boolean | undefined;
    for (const match of text.matchAll(PII_PATTERNS.accountCandidate)) {
      const digits = digitsOf(match[0]);
      const start = match.index;
      const end = start + match[0].length;
      if (digits.length === 9 && hasContextBefore(text, start, ROUTING_WORDS, 40)) {
        if (isAbaRoutingValid(digits)) {
          findings.push({ detector: 'bank-account', start, end, reason: 'ABA routing number (checksum valid) after a routing context word' });
        }
        continue;
      }
      keyContext ??= keyHasContext(context.key, KEY_WORDS);
      if ((keyContext || hasContextBefore(text, start, ACCOUNT_WORDS, 40)) && !hasContextBefore(text, start, NOT_BANK_WORDS, 40)) {
        findings.push({ detector: 'bank-account', start, end, reason: `${digits.length}-digit number after a bank-account context word` });
      }
    }
    return findings;
  },
};
