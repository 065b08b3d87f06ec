import { PII_PATTERNS } from '../regex/patterns';
import type { Detector, FieldContext, Finding } from '../types';
import { emailDetector } from './email.detector';
import { paymentCardDetector } from './payment-card.detector';
import { phoneDetector } from './phone.detector';
import { ssnDetector } from './ssn.detector';

/**
 * Personal data carried in URL query strings and fragments: a parameter whose name says it holds
 * personal data (`?email=`, `user=`, `name=`, `phone=`, `ssn=` …) with a real value, or any parameter
 * whose decoded value is itself an e-mail address, SSN, card or phone number — including values
 * base64-encoded the way phishing kits pass the victim's address (`#am9obkBjb3JwLmNvbQ==`).
 * Credentials in URLs (`password=`, `token=`, `user:pass@`) are the credential detector's.
 */

/** Parameters whose any real value is personal data. */
const PERSONAL_PARAMETERS: ReadonlySet<string> = new Set([
  'email', 'emailaddress', 'emailaddr', 'mail', 'useremail', 'emailid', 'mailto', 'firstname', 'lastname', 'fname', 'lname',
  'surname', 'givenname', 'fullname', 'phone', 'phonenumber', 'tel', 'telephone', 'mobile', 'cell', 'msisdn', 'ssn',
  'socialsecurity', 'dob', 'birthdate', 'dateofbirth', 'streetaddress', 'street', 'accountnumber', 'cardnumber', 'ccnum',
  'ccnumber', 'creditcard', 'cvv', 'cvc', 'iban', 'passport',
]);

/** Parameters that hold personal data only when the value looks like a person's: `name=invoice.pdf` does not. */
const NAME_PARAMETERS: ReadonlySet<string> = new Set(['name', 'displayname', 'customer', 'recipient', 'victim', 'employee', 'contact']);
const ACCOUNT_PARAMETERS: ReadonlySet<string> = new Set(['user', 'username', 'uname', 'usr', 'login', 'loginid', 'loginname', 'userid', 'account', 'acct', 'rcpt']);

const GENERIC_ACCOUNTS: ReadonlySet<string> = new Set(['admin', 'administrator', 'root', 'guest', 'test', 'user', 'anonymous', 'default', 'system', 'demo', 'nobody', 'public']);

const FILE_EXTENSIONS: ReadonlySet<string> = new Set([
  'pdf', 'exe', 'zip', 'rar', '7z', 'doc', 'docx', 'docm', 'xls', 'xlsx', 'xlsm', 'ppt', 'pptx', 'js', 'php', 'html', 'htm',
  'png', 'jpg', 'jpeg', 'gif', 'iso', 'img', 'msi', 'dll', 'txt', 'csv', 'json', 'xml', 'lnk', 'hta', 'vbs', 'ps1', 'bat', 'apk',
]);

function words(value: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i <= value.length; i += 1) {
    const ch = i < value.length ? value.charAt(i) : ' ';
    const letter = ch.toLowerCase() !== ch.toUpperCase();
    if (letter) {
      current += ch;
    } else if (ch === ' ' || ch === '.' || ch === '_' || ch === '-' || ch === ',') {
      if (current.length >= 2) {
        out.push(current);
      }
      current = '';
    } else {
      return []; // digits or symbols inside: not a name
    }
  }
  return out;
}

function hasFileExtension(value: string): boolean {
  const dot = value.lastIndexOf('.');
  return dot > 0 && FILE_EXTENSIONS.has(value.slice(dot + 1).toLowerCase());
}

/** `John Smith`, `john.smith`, `maria_garcia`: two or more alphabetic words, not a file name. */
function looksLikePersonName(value: string): boolean {
  return !hasFileExtension(value) && (value.includes('@') || words(value).length >= 2);
}

/** `jsmith`, `maria.garcia`, `okafor.c`, `jdoe42`: an account name, not a generic one, not a number or file. */
function looksLikeAccountName(value: string): boolean {
  if (value.includes('@')) {
    return true;
  }
  if (value.length < 3 || value.length > 64 || hasFileExtension(value) || GENERIC_ACCOUNTS.has(value.toLowerCase())) {
    return false;
  }
  let letters = 0;
  let digits = 0;
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i) | 32;
    if (code >= 97 && code <= 122) {
      letters += 1;
    } else if (code >= 48 && code <= 57) {
      digits += 1;
    } else if (!(value.charAt(i) === '.' || value.charAt(i) === '_' || value.charAt(i) === '-')) {
      return false;
    }
  }
  return letters >= 3 && digits <= 4;
}

const PLACEHOLDERS: ReadonlySet<string> = new Set(['null', 'undefined', 'none', 'redacted', 'test', 'example', 'xxx', 'xxxx', '***', 'anonymous', 'guest', 'n/a', 'na']);

const VALUE_DETECTORS: readonly Detector[] = [emailDetector, ssnDetector, paymentCardDetector, phoneDetector];

function normaliseName(name: string): string {
  let out = '';
  const lower = name.toLowerCase();
  for (let i = 0; i < lower.length; i += 1) {
    const code = lower.charCodeAt(i);
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      out += lower.charAt(i);
    }
  }
  return out;
}

function decode(value: string): string {
  const plus = value.includes('+') ? value.split('+').join(' ') : value;
  if (!plus.includes('%')) {
    return plus;
  }
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus;
  }
}

function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code > 127;
}

/** Empty, templated (`{email}`, `<user>`, `${NAME}`, `%s`), punctuation-led or a known dummy value. */
function isPlaceholder(value: string): boolean {
  return value.length < 2 || !isAlphanumeric(value.charCodeAt(0)) || value.includes('%s') || PLACEHOLDERS.has(value.toLowerCase());
}

function isBase64Shaped(value: string): boolean {
  if (value.length < 12 || value.length > 1024) {
    return false;
  }
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    const ok = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 43 || code === 47 || code === 61 || code === 45 || code === 95;
    if (!ok) {
      return false;
    }
  }
  return true;
}

/** Base64 (standard or URL alphabet) decoded to printable ASCII, or undefined. */
function fromBase64(value: string): string | undefined {
  const decoded = Buffer.from(value.split('-').join('+').split('_').join('/'), 'base64').toString('latin1');
  for (let i = 0; i < decoded.length; i += 1) {
    const code = decoded.charCodeAt(i);
    if (code < 32 || code > 126) {
      return undefined;
    }
  }
  return decoded.length >= 6 ? decoded : undefined;
}

function valueCarriesPii(value: string, key: string): string | undefined {
  for (const detector of VALUE_DETECTORS) {
    if (detector.detect(value, { key }).length > 0) {
      return detector.id;
    }
  }
  if (isBase64Shaped(value)) {
    const decoded = fromBase64(value);
    if (decoded !== undefined && emailDetector.detect(decoded, { key }).length > 0) {
      return 'base64 email';
    }
  }
  return undefined;
}

export const urlQueryPiiDetector: Detector = {
  id: 'url-query-pii',
  detect(text: string, _context: FieldContext): Finding[] {
    const findings: Finding[] = [];
    if (!text.includes('=') && !text.includes('#')) {
      return findings;
    }
    for (const match of text.matchAll(PII_PATTERNS.queryParameter)) {
      const name = match[1] ?? '';
      const raw = match[2] ?? '';
      if (raw.length === 0) {
        continue;
      }
      const value = decode(raw);
      const start = match.index + match[0].length - raw.length;
      const normalised = normaliseName(name);
      const personal =
        !isPlaceholder(value) &&
        (PERSONAL_PARAMETERS.has(normalised) ||
          (NAME_PARAMETERS.has(normalised) && looksLikePersonName(value)) ||
          (ACCOUNT_PARAMETERS.has(normalised) && looksLikeAccountName(value)));
      if (personal) {
        findings.push({ detector: 'url-query-pii', start, end: start + raw.length, reason: `query parameter "${normalised}" carries personal data` });
        continue;
      }
      const kind = valueCarriesPii(value, normalised);
      if (kind !== undefined) {
        findings.push({ detector: 'url-query-pii', start, end: start + raw.length, reason: `query parameter value is a ${kind}` });
      }
    }
    if (text.includes('#')) {
      for (const match of text.matchAll(PII_PATTERNS.base64Fragment)) {
        const raw = match[1] ?? '';
        const decoded = fromBase64(raw);
        if (decoded !== undefined && emailDetector.detect(decoded, { key: '' }).length > 0) {
          const start = match.index + 1;
          findings.push({ detector: 'url-query-pii', start, end: start + raw.length, reason: 'URL fragment is a base64-encoded e-mail address' });
        }
      }
    }
    return findings;
  },
};
