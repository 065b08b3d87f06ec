/**
 * The versioned data files under libs/pii/data, loaded once into sets. Each file carries `version`;
 * the engine reports the versions it screened with (see `SCREENING_DATA_VERSIONS`), so a decision
 * can be traced to the lists that made it.
 */
import englishFile from '../../data/english-words.v1.json';
import knownGoodFile from '../../data/known-good.v1.json';
import namesFile from '../../data/names.v1.json';
import threatFile from '../../data/threat-names.v1.json';
import { tokenizeWords } from '../text/tokens';

export interface NameLexicon {
  readonly given: ReadonlySet<string>;
  readonly surnames: ReadonlySet<string>;
  /** Lexicon names that are also common English words ("will", "grace"): never evidence alone. */
  readonly ambiguous: ReadonlySet<string>;
}

export const NAME_LEXICON: NameLexicon = {
  given: new Set(namesFile.given),
  surnames: new Set(namesFile.surnames),
  ambiguous: new Set(namesFile.ambiguous),
};

/** Lower-case English words that are not lexicon names. */
export const ENGLISH_WORDS: ReadonlySet<string> = new Set(englishFile.words.split(' '));

export interface ThreatNames {
  /** Lower-case single tokens that are never part of a person name (Microsoft, Trojan, TLP…). */
  readonly words: ReadonlySet<string>;
  /** Multi-token phrases by their first lower-case token: `fancy` → [[fancy, bear]]. */
  readonly phrasesByFirstToken: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** The longest phrase, in tokens. */
  readonly longestPhrase: number;
}

function indexPhrases(phrases: readonly string[]): ThreatNames['phrasesByFirstToken'] {
  const map = new Map<string, string[][]>();
  for (const phrase of phrases) {
    const tokens = tokenizeWords(phrase).map((token) => token.lower);
    const first = tokens[0];
    if (first === undefined) {
      continue; // a phrase of digits only ("8Base" keeps "base"; "APT28" none): the words list covers it
    }
    const list = map.get(first) ?? [];
    list.push(tokens);
    map.set(first, list);
  }
  return map;
}

/** Threat, tool and technique names, and multi-word place names ("San Francisco", "Hong Kong"). */
const phraseIndex = indexPhrases([...threatFile.phrases, ...threatFile.places]);

export const THREAT_NAMES: ThreatNames = {
  words: new Set(threatFile.words.map((word) => word.toLowerCase())),
  phrasesByFirstToken: phraseIndex,
  longestPhrase: Math.max(1, ...[...phraseIndex.values()].flat().map((tokens) => tokens.length)),
};

export interface CidrEntry {
  readonly cidr: string;
  readonly reason: string;
}

export interface ReservedName {
  readonly name: string;
  readonly match: 'exact-or-subdomain' | 'subdomain';
  readonly reason: string;
}

export interface KnownGood {
  readonly ipv4Reserved: readonly CidrEntry[];
  readonly ipv6Reserved: readonly CidrEntry[];
  readonly allowed: readonly CidrEntry[];
  readonly reservedNames: readonly ReservedName[];
  readonly topDomains: ReadonlySet<string>;
}

function reservedNames(entries: readonly { name: string; match: string; reason: string }[]): ReservedName[] {
  return entries.map((entry) => {
    if (entry.match !== 'exact-or-subdomain' && entry.match !== 'subdomain') {
      throw new Error(`known-good.v1.json: unknown match "${entry.match}" for ${entry.name}`);
    }
    return { name: entry.name, match: entry.match, reason: entry.reason };
  });
}

export const KNOWN_GOOD: KnownGood = {
  ipv4Reserved: knownGoodFile.ipv4Reserved,
  ipv6Reserved: knownGoodFile.ipv6Reserved,
  allowed: knownGoodFile.allowed,
  reservedNames: reservedNames(knownGoodFile.reservedNames),
  topDomains: new Set(knownGoodFile.topDomains),
};

/** The version of every data file, for audit records ("screened with names 1.0.0, …"). */
export const SCREENING_DATA_VERSIONS = {
  names: namesFile.version,
  englishWords: englishFile.version,
  threatNames: threatFile.version,
  knownGood: knownGoodFile.version,
} as const;
