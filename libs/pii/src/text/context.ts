/**
 * Context words: Presidio's "context enhancer" in its simplest form. A context-only detector (bank
 * account, passport, driver licence, bare SSN) fires only when one of its words stands, as whole
 * words, shortly before the candidate, or in the property name.
 */

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Whether `needle` (lower case) occurs in `haystack` (lower case) with no letter or digit on either side. */
export function containsWord(haystack: string, needle: string): boolean {
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) {
      return false;
    }
    const before = at === 0 ? 32 : haystack.charCodeAt(at - 1);
    const after = at + needle.length >= haystack.length ? 32 : haystack.charCodeAt(at + needle.length);
    if (!isWordChar(before) && !isWordChar(after)) {
      return true;
    }
    from = at + 1;
  }
}

/**
 * The lower-cased `window` characters before `start`, cut at the last sentence boundary (`. `,
 * `; `, a line break): context words count within the candidate's own sentence only.
 */
export function textBefore(text: string, start: number, window: number): string {
  const before = text.slice(Math.max(0, start - window), start).toLowerCase();
  const boundary = Math.max(lastFullStop(before), before.lastIndexOf('; '), before.lastIndexOf('\n'));
  return boundary < 0 ? before : before.slice(boundary + 1);
}

function isLetter(code: number): boolean {
  return code >= 97 && code <= 122;
}

/** The last `. ` that ends a sentence: after a word of five letters or more, so `No. `, `Acct. `, `Tel. ` do not. */
function lastFullStop(text: string): number {
  for (let at = text.lastIndexOf('. '); at >= 0; at = at === 0 ? -1 : text.lastIndexOf('. ', at - 1)) {
    let letters = 0;
    while (letters < 5 && at - letters - 1 >= 0 && isLetter(text.charCodeAt(at - letters - 1))) {
      letters += 1;
    }
    if (letters >= 5) {
      return at;
    }
  }
  return -1;
}

/** Whether any context word occurs, as whole words, in the `window` characters before `start` (same sentence). */
export function hasContextBefore(text: string, start: number, words: readonly string[], window = 48): boolean {
  const before = textBefore(text, start, window);
  return words.some((word) => containsWord(before, word));
}

/**
 * Whether the property name carries one of the words: `x_employee_ssn` → tokens employee, ssn.
 * Words with spaces match the tokens joined by spaces ("social security").
 */
export function keyHasContext(key: string, words: readonly string[]): boolean {
  if (key.length === 0) {
    return false;
  }
  const spaced = spacedKey(key);
  return words.some((word) => spaced.includes(` ${word} `));
}

/** Property names repeat across objects: their spaced forms are kept (bounded). */
const SPACED_KEYS = new Map<string, string>();

function spacedKey(key: string): string {
  let spaced = SPACED_KEYS.get(key);
  if (spaced === undefined) {
    spaced = ' ';
    const lower = key.toLowerCase();
    for (let i = 0; i < lower.length; i += 1) {
      const ch = lower.charAt(i);
      spaced += ch === '_' || ch === '-' || ch === '.' ? ' ' : ch;
    }
    spaced += ' ';
    if (SPACED_KEYS.size > 10_000) {
      SPACED_KEYS.clear();
    }
    SPACED_KEYS.set(key, spaced);
  }
  return spaced;
}
