import { PII_PATTERNS } from '../regex/patterns';
import { keyHasContext } from '../text/context';
import type { Detector, FieldContext, Finding } from '../types';

/**
 * User names in profile paths: `C:\Users\<name>\`, `\Documents and Settings\<name>\`, `/home/<name>/`,
 * `/Users/<name>/` — in file paths, command lines and registry keys alike. Built-in, generic and
 * placeholder accounts (Public, Default, Administrator, `%USERNAME%`, `ubuntu`, `ec2-user` …) do
 * not fire. `HKEY_USERS\S-1-5-21-…` (a SID, not a name) does not match at all. A property named
 * for an account (`USERNAME`, `LOGNAME` among environment variables) fires on its value.
 */

const GENERIC_ACCOUNTS: ReadonlySet<string> = new Set([
  'public', 'default', 'default user', 'defaultuser0', 'defaultuser100000', 'all users', 'administrator', 'admin',
  'guest', 'wdagutilityaccount', 'user', 'username', 'users', 'localservice', 'networkservice', 'system', 'root',
  'shared', 'desktop.ini', 'ubuntu', 'ec2-user', 'centos', 'debian', 'fedora', 'pi', 'vagrant', 'kali', 'azureuser',
  'opc', 'git', 'www-data', 'nobody', 'test', 'tester', 'demo', 'sandbox', 'example', 'someone', 'name', 'yourname',
  'your-name', 'your_name',
]);

/** `%USERNAME%`, `$USER`, `${USER}`, `<user>`, `{user}`, `[user]`, `*`, `…`: placeholders, not people. */
function isPlaceholder(name: string): boolean {
  const first = name.charAt(0);
  return (
    first === '%' || first === '$' || first === '<' || first === '{' || first === '[' || first === '*' || first === '?' ||
    first === '.' || first === '…' || first === '~' || name.toLowerCase() === 'redacted' || name.toLowerCase().startsWith('xxx')
  );
}

const MAX_NAME = 64;
const NOT_IN_NAMES = '\\/:*?"<>|\r\n\t';

function isSeparator(ch: string): boolean {
  return ch === '\\' || ch === '/';
}

/** Characters Windows allows in a folder name. */
function isNameChar(ch: string): boolean {
  return ch.length === 1 && !NOT_IN_NAMES.includes(ch);
}

function firstWhiteSpace(text: string): number {
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charAt(i);
    if (ch === ' ' || ch === '\t' || ch === '\u00a0') {
      return i;
    }
  }
  return text.length;
}

function isAccountName(name: string): boolean {
  return name.length > 0 && !isPlaceholder(name) && !GENERIC_ACCOUNTS.has(name.toLowerCase());
}

/** Property names whose value is an account name (`USERNAME`, `LOGNAME` in environment variables). */
const ACCOUNT_KEYS = ['username', 'user', 'logname', 'login', 'samaccountname', 'account name'];

export const usernameInPathDetector: Detector = {
  id: 'username-in-path',
  detect(text: string, context: FieldContext): Finding[] {
    const findings: Finding[] = [];
    const trimmed = text.trim();
    if (keyHasContext(context.key, ACCOUNT_KEYS) && trimmed.length <= 64 && !trimmed.includes('\\') && !trimmed.includes('/') && isAccountName(trimmed)) {
      const start = text.indexOf(trimmed);
      findings.push({ detector: 'username-in-path', start, end: start + trimmed.length, reason: `account name under the property "${context.key}"` });
      return findings;
    }
    const seen = new Set<number>();
    if (text.includes('\\') || text.includes('/')) {
      for (const match of text.matchAll(PII_PATTERNS.windowsProfileDirectory)) {
        let nameStart = match.index + match[0].length;
        while (nameStart < text.length && nameStart - match.index - match[0].length < 3 && isSeparator(text.charAt(nameStart))) {
          nameStart += 1; // `\\Users\\` in escaped text
        }
        let nameEnd = nameStart;
        while (nameEnd < text.length && nameEnd - nameStart < MAX_NAME && isNameChar(text.charAt(nameEnd))) {
          nameEnd += 1;
        }
        let name = text.slice(nameStart, nameEnd);
        // Ended by a path separator: the whole segment is the folder name (it may contain spaces).
        // Otherwise the path ends inside prose: the name ends at the first white space.
        if (!isSeparator(text.charAt(nameEnd))) {
          name = name.slice(0, firstWhiteSpace(name));
        }
        name = name.trim();
        if (isAccountName(name)) {
          seen.add(nameStart);
          findings.push({ detector: 'username-in-path', start: nameStart, end: nameStart + name.length, reason: 'user name in a Windows profile path' });
        }
      }
    }
    if (text.includes('/')) {
      for (const match of text.matchAll(PII_PATTERNS.unixHomePath)) {
        const name = match[1] ?? '';
        const nameStart = match.index + match[0].length - name.length;
        if (!seen.has(nameStart) && isAccountName(name)) {
          findings.push({ detector: 'username-in-path', start: nameStart, end: nameStart + name.length, reason: 'user name in a home-directory path' });
        }
      }
    }
    return findings.sort((a, b) => a.start - b.start);
  },
};
