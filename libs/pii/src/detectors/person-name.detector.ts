import { ENGLISH_WORDS, NAME_LEXICON, THREAT_NAMES } from '../data/lexicons';
import { keyHasContext } from '../text/context';
import type { WordToken } from '../text/tokens';
import { tokenizeWords } from '../text/tokens';
import type { Detector, FieldContext, Finding } from '../types';

/**
 * Person names in free text, without a language model (none runs offline in Node): high-recall
 * rules over word tokens, each needing two pieces of evidence.
 *
 * | Rule | Fires on |
 * |---|---|
 * | honorific | `Mr.`, `Dr`, `Prof.` … followed by a capitalised word: `Dr. Okonkwo` |
 * | cue | a context word before capitalised words: "contact", "employee", "reported by", "Dear", "Regards," |
 * | lexicon pair | a lexicon given name then a lexicon surname: `Maria Garcia`, `JOHN SMITH` |
 * | given + unknown | an unambiguous given name then an unknown capitalised word: `Jennifer Okafor` |
 * | unknown + surname | an unknown capitalised word then an unambiguous surname: `Siobhan Murphy` |
 * | inverted | `Smith, John` |
 *
 * "Unknown" means: not in the lexicon, not an English word (`data/english-words.v1.json`), not a
 * threat or product word. A candidate overlapping a known threat phrase (`data/threat-names.v1.json`:
 * "Fancy Bear", "Lazarus Group", "Cobalt Strike", "Spearphishing Attachment" …) never fires: threat
 * actors are directly related to the threat.
 */

const HONORIFICS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'madam', 'madame', 'mme', 'mlle', 'herr', 'frau', 'rev',
  'sgt', 'capt', 'lt', 'det', 'insp',
]);

/** A weak cue needs two name words after it, or one lexicon name. */
const WEAK_CUES: readonly (readonly string[])[] = [
  ['contact'], ['contacted'], ['employee'], ['employees'], ['staff'], ['user'], ['analyst'], ['victim'], ['customer'],
  ['client'], ['manager'], ['director'], ['supervisor'], ['ceo'], ['cfo'], ['cto'], ['ciso'], ['cio'], ['president'],
  ['assistant'], ['colleague'], ['coworker'], ['owner'], ['author'], ['reporter'], ['engineer'], ['administrator'],
  ['intern'], ['contractor'], ['clerk'], ['accountant'], ['officer'], ['reported', 'by'], ['submitted', 'by'],
  ['prepared', 'by'], ['written', 'by'], ['authored', 'by'], ['sent', 'by'], ['signed', 'by'], ['approved', 'by'],
  ['on', 'behalf', 'of'], ['named'], ['called'], ['spoke', 'with'], ['per'], ['mailbox', 'of'], ['account', 'of'],
  ['belonging', 'to'], ['name'], ['from'], ['to'], ['cc'], ['bcc'], ['by'],
];

/** Cues that must be followed by a colon: `From: …`, `Name: …`. */
const COLON_CUES: ReadonlySet<string> = new Set(['name', 'from', 'to', 'cc', 'bcc', 'by']);

/** A strong cue makes even one unknown capitalised word a name: "Dear Oluwaseun". */
const STRONG_CUES: readonly (readonly string[])[] = [
  ['dear'], ['hi'], ['hello'], ['hey'], ['attn'], ['attention'], ['regards'], ['sincerely'], ['thanks'], ['thank', 'you'],
  ['cheers'], ['yours'], ['signed'], ['mr'], ['mrs'], ['ms'],
];

const NAME_GAPS: ReadonlySet<string> = new Set([' ', '_', '\u00a0']);
const CUE_GAP_CHARS = ' \t\r\n:,-—–';

function isCapitalised(token: WordToken): boolean {
  return token.shape === 'title' || (token.shape === 'upper' && token.text.length >= 2);
}

function isInitial(token: WordToken): boolean {
  return token.text.length === 1 && token.shape === 'upper';
}

function lexiconParts(token: WordToken): readonly string[] {
  return token.lower.includes('-') ? [token.lower, ...token.lower.split('-')] : [token.lower];
}

function isGiven(token: WordToken): boolean {
  return lexiconParts(token).some((part) => NAME_LEXICON.given.has(part));
}

function isSurname(token: WordToken): boolean {
  return lexiconParts(token).some((part) => NAME_LEXICON.surnames.has(part));
}

function isAmbiguous(token: WordToken): boolean {
  return NAME_LEXICON.ambiguous.has(token.lower);
}

function isThreatWord(token: WordToken): boolean {
  return THREAT_NAMES.words.has(token.lower);
}

function isLexicon(token: WordToken): boolean {
  return isGiven(token) || isSurname(token);
}

/** Capitalised, not a lexicon name, not an English word, not a threat word, not an acronym. */
function isUnknownNameLike(token: WordToken): boolean {
  return (
    token.shape === 'title' &&
    token.text.length >= 2 &&
    token.text.length <= 30 &&
    !isLexicon(token) &&
    !ENGLISH_WORDS.has(token.lower) &&
    !isThreatWord(token) &&
    !HONORIFICS.has(token.lower)
  );
}

/** A capitalised token that may stand in a name: lexicon, unknown, or an initial. */
function isNameToken(token: WordToken): boolean {
  if (isInitial(token)) {
    return true;
  }
  if (!isCapitalised(token) || isThreatWord(token)) {
    return false;
  }
  return isLexicon(token) || isUnknownNameLike(token);
}

/** Whether `next` continues a name after `previous`: a space or underscore; `. ` only after an initial (`John F. Kennedy`). */
function joins(previous: WordToken, next: WordToken): boolean {
  return NAME_GAPS.has(next.gap) || (next.gap === '. ' && isInitial(previous));
}

function isCueGap(gap: string, needColon: boolean): boolean {
  if (gap.length === 0 || gap.length > 4) {
    return false;
  }
  for (let i = 0; i < gap.length; i += 1) {
    if (!CUE_GAP_CHARS.includes(gap.charAt(i))) {
      return false;
    }
  }
  return !needColon || gap.includes(':');
}

/** Whether `cue` ends at token `index - 1` and is followed by an allowed gap. */
function cueEndsBefore(tokens: readonly WordToken[], index: number, cue: readonly string[]): boolean {
  const first = index - cue.length;
  const next = tokens[index];
  if (first < 0 || next === undefined) {
    return false;
  }
  for (let k = 0; k < cue.length; k += 1) {
    const token = tokens[first + k];
    if (token === undefined || token.lower !== cue[k]) {
      return false;
    }
    if (k > 0 && token.gap !== ' ') {
      return false;
    }
  }
  const needColon = cue.length === 1 && COLON_CUES.has(cue[0] ?? '');
  return isCueGap(next.gap, needColon);
}

/** Tokens from `index` that form a name run: name tokens joined by name gaps, at most `max`. */
function nameRun(tokens: readonly WordToken[], index: number, max: number): number {
  let end = index;
  while (end < tokens.length && end - index < max) {
    const token = tokens[end];
    const previous = tokens[end - 1];
    if (token === undefined || !isNameToken(token) || (end > index && previous !== undefined && !joins(previous, token))) {
      break;
    }
    end += 1;
  }
  // A run does not end on an initial ("… J."), nor consist of initials only.
  while (end > index && tokens[end - 1] !== undefined && isInitial(tokens[end - 1] as WordToken)) {
    end -= 1;
  }
  return end;
}

interface Candidate {
  readonly first: number;
  /** Exclusive token index. */
  readonly end: number;
  readonly reason: string;
}

/** The token after `index` joined by a name gap, skipping one middle initial. */
function nextNameToken(tokens: readonly WordToken[], index: number): number | undefined {
  let j = index + 1;
  const current = tokens[index];
  const next = tokens[j];
  if (current === undefined || next === undefined || !joins(current, next)) {
    return undefined;
  }
  if (isInitial(next)) {
    j += 1;
    const after = tokens[j];
    if (after === undefined || !joins(next, after)) {
      return undefined;
    }
  }
  return j;
}

function candidatesAt(tokens: readonly WordToken[], i: number): Candidate | undefined {
  const token = tokens[i];
  if (token === undefined) {
    return undefined;
  }
  // Honorific: `Dr. Okonkwo`, `Mr Smith`.
  if (token.shape === 'title' && HONORIFICS.has(token.lower)) {
    const next = tokens[i + 1];
    if (next !== undefined && (next.gap === ' ' || next.gap === '. ') && isNameToken(next) && !isInitial(next)) {
      return { first: i, end: nameRun(tokens, i + 1, 3), reason: 'honorific followed by a name' };
    }
    return undefined;
  }
  if (!isCapitalised(token) && !isInitial(token)) {
    return undefined;
  }
  // Cue words before a run of name tokens.
  const strong = STRONG_CUES.some((cue) => cueEndsBefore(tokens, i, cue));
  const weak = !strong && WEAK_CUES.some((cue) => cueEndsBefore(tokens, i, cue));
  if (strong || weak) {
    const end = nameRun(tokens, i, 3);
    const run = tokens.slice(i, end);
    const words = run.filter((t) => !isInitial(t));
    const lexiconStrong = words.some((t) => isLexicon(t) && !isAmbiguous(t));
    if (words.length >= 2 || (words.length === 1 && (lexiconStrong || (strong && run[0] !== undefined && isUnknownNameLike(run[0]))))) {
      return { first: i, end, reason: strong ? 'name after a greeting or signature word' : 'name after a context word' };
    }
  }
  if (!isCapitalised(token)) {
    return undefined;
  }
  const j = nextNameToken(tokens, i);
  const second = j === undefined ? undefined : tokens[j];
  if (j !== undefined && second !== undefined && isCapitalised(second) && token.shape === second.shape) {
    const end = j + 1;
    if (isGiven(token) && isSurname(second) && !(isAmbiguous(token) && isAmbiguous(second))) {
      return { first: i, end, reason: 'lexicon given name and surname' };
    }
    if (isGiven(token) && !isAmbiguous(token) && isUnknownNameLike(second)) {
      return { first: i, end, reason: 'lexicon given name and a capitalised unknown word' };
    }
    if (isUnknownNameLike(token) && isSurname(second) && !isAmbiguous(second)) {
      return { first: i, end, reason: 'capitalised unknown word and a lexicon surname' };
    }
    // `Resume_Farhan_Dvořák.pdf`: file names join first and last name with underscores.
    if (second.gap === '_' && j === i + 1 && isUnknownNameLike(token) && isUnknownNameLike(second)) {
      return { first: i, end, reason: 'two capitalised unknown words joined like a file name' };
    }
  }
  // `Smith, John`, `Iyer, Dustin`.
  const after = tokens[i + 1];
  if (
    after !== undefined &&
    after.gap === ', ' &&
    after.shape === 'title' &&
    token.shape === 'title' &&
    ((isSurname(token) && !isAmbiguous(token)) || isUnknownNameLike(token)) &&
    isGiven(after) &&
    !isAmbiguous(after)
  ) {
    return { first: i, end: i + 2, reason: 'surname, given name' };
  }
  return undefined;
}

/** Property names that say the value names a person (Presidio's key context). */
const PERSON_KEYS = [
  'display name', 'full name', 'fullname', 'author', 'authors', 'owner', 'person', 'reporter', 'submitter', 'analyst',
  'victim', 'employee', 'contact name', 'first name', 'last name', 'given name', 'surname', 'realname',
];

/** Under a person key, a run of two name tokens, or one lexicon name, is a name. */
function keyContextCandidate(tokens: readonly WordToken[], i: number): Candidate | undefined {
  const end = nameRun(tokens, i, 4);
  const words = tokens.slice(i, end).filter((t) => !isInitial(t));
  if (words.length >= 2 || (words.length === 1 && words[0] !== undefined && isLexicon(words[0]) && !isAmbiguous(words[0]))) {
    return { first: i, end, reason: 'name under a property that holds a person’s name' };
  }
  return undefined;
}

/** Whether tokens [first, end) overlap a known threat phrase or hold a threat word. */
function touchesThreatName(tokens: readonly WordToken[], first: number, end: number): boolean {
  for (let k = first; k < end; k += 1) {
    const token = tokens[k];
    if (token !== undefined && isThreatWord(token)) {
      return true;
    }
  }
  for (let k = Math.max(0, first - THREAT_NAMES.longestPhrase + 1); k < end; k += 1) {
    const phrases = THREAT_NAMES.phrasesByFirstToken.get(tokens[k]?.lower ?? '');
    if (phrases === undefined) {
      continue;
    }
    for (const phrase of phrases) {
      const phraseEnd = k + phrase.length;
      if (phraseEnd <= first) {
        continue;
      }
      let matches = true;
      for (let m = 0; m < phrase.length; m += 1) {
        if (tokens[k + m]?.lower !== phrase[m]) {
          matches = false;
          break;
        }
      }
      if (matches) {
        return true;
      }
    }
  }
  return false;
}

export const personNameDetector: Detector = {
  id: 'person-name',
  detect(text: string, context: FieldContext): Finding[] {
    const findings: Finding[] = [];
    const tokens = tokenizeWords(text);
    const personKey = keyHasContext(context.key, PERSON_KEYS);
    let i = 0;
    while (i < tokens.length) {
      const candidate = candidatesAt(tokens, i) ?? (personKey ? keyContextCandidate(tokens, i) : undefined);
      if (candidate === undefined || candidate.end <= candidate.first) {
        i += 1;
        continue;
      }
      const first = tokens[candidate.first];
      const last = tokens[candidate.end - 1];
      if (first !== undefined && last !== undefined && !touchesThreatName(tokens, candidate.first, candidate.end)) {
        findings.push({ detector: 'person-name', start: first.start, end: last.end, reason: candidate.reason });
      }
      i = candidate.end;
    }
    return findings;
  },
};
