/**
 * A word tokenizer for the person-name detector: one linear pass over UTF-16 code units, no regular
 * expression. A word is a run of cased letters (any script with upper and lower case, so `Zoë`,
 * `Łukasz`, `Ní` are words); an apostrophe or hyphen between two letters stays inside the word
 * (`O'Brien`, `Jean-Luc`). Digits end a word and are not tokens.
 */

export type TokenShape = 'title' | 'upper' | 'lower' | 'mixed';

export interface WordToken {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly lower: string;
  readonly shape: TokenShape;
  /** The characters between the previous token (or the start of the text) and this one. */
  readonly gap: string;
}

function isCasedLetter(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) {
    return true;
  }
  return code > 127 && ch.toLowerCase() !== ch.toUpperCase();
}

/** 1 upper case, -1 lower case, 0 neither (ASCII fast path, then Unicode case mapping). */
function caseOf(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 65 && code <= 90) {
    return 1;
  }
  if (code >= 97 && code <= 122) {
    return -1;
  }
  if (code < 128) {
    return 0;
  }
  if (ch !== ch.toLowerCase() && ch === ch.toUpperCase()) {
    return 1;
  }
  return ch !== ch.toUpperCase() ? -1 : 0;
}

function shapeOf(word: string): TokenShape {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < word.length; i += 1) {
    const kind = caseOf(word.charAt(i));
    if (kind > 0) {
      upper += 1;
    } else if (kind < 0) {
      lower += 1;
    }
  }
  if (lower === 0) {
    return 'upper';
  }
  if (upper === 0) {
    return 'lower';
  }
  if (caseOf(word.charAt(0)) <= 0) {
    return 'mixed';
  }
  // `McDonald`, `O'Brien`, `DeShawn`, `Jean-Luc`: capitals after the first are fine in names when
  // lower-case letters follow them; `TrickBot` is mixed as well, which is what the threat list is for.
  return upper === 1 || word.includes('-') || word.includes("'") || word.includes('’') ? 'title' : 'mixed';
}

/** Word tokens of `text`, at most `limit` of them. */
export function tokenizeWords(text: string, limit = 20000): WordToken[] {
  const tokens: WordToken[] = [];
  let i = 0;
  let previousEnd = 0;
  const n = text.length;
  while (i < n && tokens.length < limit) {
    if (!isCasedLetter(text.charAt(i))) {
      i += 1;
      continue;
    }
    const start = i;
    i += 1;
    while (i < n) {
      const ch = text.charAt(i);
      if (isCasedLetter(ch)) {
        i += 1;
      } else if ((ch === "'" || ch === '’' || ch === '-') && i + 1 < n && isCasedLetter(text.charAt(i + 1))) {
        // A possessive ends the word: `Garcia's` → `Garcia`.
        const possessive = ch !== '-' && (text.charAt(i + 1) === 's' || text.charAt(i + 1) === 'S') && (i + 2 >= n || !isCasedLetter(text.charAt(i + 2)));
        if (possessive) {
          break;
        }
        i += 2;
      } else {
        break;
      }
    }
    // A letter run glued to digits (`T1566`, `APT28`, `x64`) is an identifier, not a word.
    const before = start > 0 ? text.charCodeAt(start - 1) : 32;
    const after = i < n ? text.charCodeAt(i) : 32;
    const gluedToDigit = (before >= 48 && before <= 57) || (after >= 48 && after <= 57);
    if (!gluedToDigit) {
      const word = text.slice(start, i);
      tokens.push({ start, end: i, text: word, lower: word.toLowerCase(), shape: shapeOf(word), gap: text.slice(previousEnd, start) });
      previousEnd = i;
    }
  }
  return tokens;
}
