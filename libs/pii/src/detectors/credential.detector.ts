import { PII_PATTERNS } from '../regex/patterns';
import { keyHasContext } from '../text/context';
import type { Detector, FieldContext, Finding } from '../types';

/**
 * Credentials: `password=…`, `pwd: …`, `api_key = "…"` assignments with a real value; `Bearer` and
 * `Basic` authorization values; AWS access key ids and secret keys; GitHub, Slack, Google and Stripe
 * token formats; JSON Web Tokens; PEM private-key blocks; `user:password@` in URLs. A property whose
 * name says it holds a secret (`x_password`, `api_token`) fires on any non-placeholder value.
 * Placeholders (`***`, `<redacted>`, `%s`, `${PASSWORD}`, `[withheld pending review]`) never fire.
 */

const SECRET_KEY_WORDS = ['password', 'passwd', 'pwd', 'passphrase', 'secret', 'credential', 'credentials', 'token', 'api key', 'apikey', 'private key'];

const PLACEHOLDER_VALUES: ReadonlySet<string> = new Set([
  'redacted', 'removed', 'hidden', 'none', 'null', 'undefined', 'n/a', 'na', 'changeme', 'password', 'secret', 'xxx', 'xxxx',
  'xxxxxx', 'xxxxxxxx', 'true', 'false', 'required', 'optional', 'string', 'value', '<value>', 'example', 'placeholder',
]);

export function isPlaceholderSecret(value: string): boolean {
  if (value.length < 3) {
    return true;
  }
  const first = value.charAt(0);
  if (first === '*' || first === '<' || first === '{' || first === '[' || first === '$' || first === '%' || first === '…') {
    return true;
  }
  let allSame = true;
  for (let i = 1; i < value.length; i += 1) {
    if (value.charAt(i) !== first) {
      allSame = false;
      break;
    }
  }
  return allSame || PLACEHOLDER_VALUES.has(value.toLowerCase());
}

const MAX_VALUE = 256;
/** Where an assigned secret ends. */
const VALUE_STOPS = ' \t\r\n"\'&,;';
/** Where URL user info ends (a password may hold ':'). */
const USERINFO_STOPS = ' \t\r\n/@';

/** End of the run from `start` up to a stop character, at most MAX_VALUE long. */
function valueEnd(text: string, start: number, stops: string): number {
  let end = start;
  while (end < text.length && end - start < MAX_VALUE && !stops.includes(text.charAt(end))) {
    end += 1;
  }
  return end;
}

function isSchemeChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 43 || code === 45 || code === 46;
}

/** Pattern, reason, and a literal the text must contain for the pattern to be worth running. */
const TOKEN_PATTERNS: readonly (readonly [keyof typeof PII_PATTERNS, string, string])[] = [
  ['awsAccessKeyId', 'AWS access key id', 'A'],
  ['awsSecretKey', 'AWS secret access key', '_'],
  ['githubToken', 'GitHub token', '_'],
  ['slackToken', 'Slack token', 'xox'],
  ['googleApiKey', 'Google API key', 'AIza'],
  ['stripeKey', 'Stripe live key', '_live_'],
  ['jwt', 'JSON Web Token', 'eyJ'],
  ['privateKeyBlock', 'PEM private key block', '-----BEGIN '],
];

export const credentialDetector: Detector = {
  id: 'credential',
  detect(text: string, context: FieldContext): Finding[] {
    const findings: Finding[] = [];
    const trimmed = text.trim();
    if (keyHasContext(context.key, SECRET_KEY_WORDS) && !isPlaceholderSecret(trimmed)) {
      findings.push({ detector: 'credential', start: 0, end: text.length, reason: `value of a secret-named property (${context.key})` });
      return findings;
    }
    if (text.includes('=') || text.includes(':')) {
      for (const match of text.matchAll(PII_PATTERNS.secretAssignment)) {
        const start = match.index + match[0].length;
        const end = valueEnd(text, start, VALUE_STOPS);
        const value = text.slice(start, end);
        if (!isPlaceholderSecret(value)) {
          findings.push({ detector: 'credential', start, end, reason: 'value assigned to a secret-named key' });
        }
      }
    }
    if (text.includes('Bearer') || text.includes('Basic')) {
      for (const match of text.matchAll(PII_PATTERNS.authorizationScheme)) {
        findings.push({ detector: 'credential', start: match.index, end: match.index + match[0].length, reason: 'HTTP authorization credential' });
      }
    }
    for (let at = text.indexOf('://'); at >= 0; at = text.indexOf('://', at + 3)) {
      // `scheme://user:password@host`: the user info ends at '@' before any '/' or white space.
      const infoStart = at + 3;
      const infoEnd = valueEnd(text, infoStart, USERINFO_STOPS);
      const colon = text.slice(infoStart, infoEnd).indexOf(':') + infoStart;
      if (text.charAt(infoEnd) === '@' && colon > infoStart && colon < infoEnd - 1 && !isPlaceholderSecret(text.slice(colon + 1, infoEnd))) {
        let schemeStart = at;
        while (schemeStart > 0 && at - schemeStart < 16 && isSchemeChar(text.charCodeAt(schemeStart - 1))) {
          schemeStart -= 1;
        }
        findings.push({ detector: 'credential', start: schemeStart, end: infoEnd + 1, reason: 'user name and password in a URL' });
      }
    }
    for (const [name, reason, literal] of TOKEN_PATTERNS) {
      if (!text.includes(literal)) {
        continue;
      }
      for (const match of text.matchAll(PII_PATTERNS[name])) {
        findings.push({ detector: 'credential', start: match.index, end: match.index + match[0].length, reason });
      }
    }
    return findings;
  },
};
