import type { Detector, FieldContext, Finding } from '../types';

/**
 * E-mail addresses. No regular expression: every '@' is expanded left over local-part characters
 * and right over domain characters (each side bounded), then validated: local part 1–64 characters
 * without leading, trailing or doubled dots; domain of two or more labels, each 1–63 letters,
 * digits or inner hyphens; an alphabetic top-level label (or `xn--`) that is not a file extension
 * (`logo@2x.png`). Role mailboxes (abuse@, security@, noreply@ …) belong to organisations, not to
 * specific individuals, and do not fire.
 */

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

const ROLE_MAILBOXES: ReadonlySet<string> = new Set([
  'abuse', 'accounts', 'admin', 'administrator', 'alerts', 'billing', 'bounce', 'bounces', 'careers', 'cert', 'compliance',
  'contact', 'csirt', 'customerservice', 'daemon', 'do-not-reply', 'donotreply', 'dpo', 'enquiries', 'feedback', 'finance',
  'ftp', 'gdpr', 'git', 'hello', 'help', 'helpdesk', 'hostmaster', 'hr', 'incident', 'incidents', 'info', 'infosec',
  'inquiries', 'it', 'ithelp', 'it-support', 'itsupport', 'jobs', 'legal', 'mailer', 'mailer-daemon', 'marketing', 'media',
  'newsletter', 'no-reply', 'noc', 'noreply', 'notifications', 'office', 'operations', 'ops', 'payroll', 'phishing',
  'postmaster', 'press', 'privacy', 'report', 'reports', 'root', 'sales', 'secops', 'security', 'security-alert',
  'service', 'servicedesk', 'service-desk', 'soc', 'spam', 'support', 'team', 'webmaster', 'www',
]);

const FILE_EXTENSIONS: ReadonlySet<string> = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'bmp', 'ico', 'js', 'mjs', 'css', 'map', 'json', 'exe', 'dll', 'sys',
  'bin', 'dat', 'tmp', 'log', 'txt', 'zip', 'rar', 'gz', 'tgz', 'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx',
  'html', 'htm', 'php', 'asp', 'aspx', 'jsp', 'py', 'ps1', 'bat', 'cmd', 'vbs', 'lnk', 'iso', 'img', 'msi', 'jar',
]);

function isLocalChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 46 || // .
    code === 95 || // _
    code === 37 || // %
    code === 43 || // +
    code === 45 // -
  );
}

function isDomainChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 46 || code === 45;
}

function isLetters(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i) | 32;
    if (code < 97 || code > 122) {
      return false;
    }
  }
  return text.length > 0;
}

/** A host name of two or more labels with an alphabetic top-level label. Exported for the URL checks. */
export function isValidDomain(domain: string): boolean {
  if (domain.length < 4 || domain.length > MAX_DOMAIN) {
    return false;
  }
  const labels = domain.split('.');
  if (labels.length < 2) {
    return false;
  }
  for (const label of labels) {
    if (label.length === 0 || label.length > 63 || label.startsWith('-') || label.endsWith('-')) {
      return false;
    }
  }
  const tld = (labels[labels.length - 1] ?? '').toLowerCase();
  return (tld.startsWith('xn--') || (isLetters(tld) && tld.length >= 2)) && !FILE_EXTENSIONS.has(tld);
}

/** Whether `local@domain` is a valid personal address (role mailboxes excluded). */
export function isPersonalEmail(local: string, domain: string): boolean {
  if (local.length === 0 || local.length > MAX_LOCAL || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return false;
  }
  return isValidDomain(domain) && !ROLE_MAILBOXES.has(local.toLowerCase());
}

export const emailDetector: Detector = {
  id: 'email',
  detect(text: string, _context: FieldContext): Finding[] {
    const findings: Finding[] = [];
    let at = text.indexOf('@');
    while (at >= 0) {
      let left = at;
      while (left > 0 && at - left < MAX_LOCAL + 1 && isLocalChar(text.charCodeAt(left - 1))) {
        left -= 1;
      }
      let right = at + 1;
      while (right < text.length && right - at <= MAX_DOMAIN && isDomainChar(text.charCodeAt(right))) {
        right += 1;
      }
      // Trim punctuation that ends a sentence or opens a quote, not part of the address.
      while (left < at && text.charCodeAt(left) === 46) {
        left += 1;
      }
      while (right > at + 1 && (text.charCodeAt(right - 1) === 46 || text.charCodeAt(right - 1) === 45)) {
        right -= 1;
      }
      const overlong = left > 0 && isLocalChar(text.charCodeAt(left - 1));
      const local = text.slice(left, at);
      const domain = text.slice(at + 1, right);
      if (!overlong && isPersonalEmail(local, domain)) {
        findings.push({ detector: 'email', start: left, end: right, reason: 'e-mail address with a valid domain' });
      }
      at = text.indexOf('@', at + 1);
    }
    return findings;
  },
};
