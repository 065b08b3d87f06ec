// Builds libs/pii/data/names.v1.json and libs/pii/data/english-words.v1.json from public-domain US
// Census 1990 name frequency files and the SCOWL American English word list.
//
//   node libs/pii/data/tools/build-name-lexicon.mjs <census-dir> <dictionary-file> libs/pii/data
//
// <census-dir> holds dist.male.first, dist.female.first and dist.all.last (U.S. Census Bureau,
// "Frequently Occurring Names from the 1990 Census"; the PyPI package `names` 0.3.0 ships them);
// <dictionary-file> is Debian's wamerican /usr/share/dict/american-english (SCOWL).
// The output is deterministic: same inputs, same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [censusDir, dictionaryFile, outDir] = process.argv.slice(2);
if (!censusDir || !dictionaryFile || !outDir) {
  console.error('usage: build-name-lexicon.mjs <census-dir> <dictionary-file> <out-dir>');
  process.exit(2);
}

const MALE_TOP = 1219; // the whole male list
const FEMALE_TOP = 1500;
const SURNAME_TOP = 5000;

function readCensus(file, top) {
  return readFileSync(path.join(censusDir, file), 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0])
    .filter((name) => name && /^[A-Z]+$/.test(name))
    .slice(0, top)
    .map((name) => name.toLowerCase());
}

const dictionary = new Set(
  readFileSync(dictionaryFile, 'utf8')
    .split('\n')
    .filter((word) => /^[a-z]+$/.test(word)),
);

const given = [...new Set([...readCensus('dist.male.first', MALE_TOP), ...readCensus('dist.female.first', FEMALE_TOP)])]
  .filter((name) => name.length >= 2)
  .sort();
const surnames = [...new Set(readCensus('dist.all.last', SURNAME_TOP))].filter((name) => name.length >= 2).sort();
// The 100 most frequent names of each list are names first, whatever the dictionary says ("john", "mark").
const AMBIGUITY_EXEMPT_TOP = 100;
const exempt = new Set([
  ...readCensus('dist.male.first', AMBIGUITY_EXEMPT_TOP),
  ...readCensus('dist.female.first', AMBIGUITY_EXEMPT_TOP),
  ...readCensus('dist.all.last', AMBIGUITY_EXEMPT_TOP),
]);
const ambiguous = [...new Set([...given, ...surnames])].filter((name) => dictionary.has(name) && !exempt.has(name)).sort();

const out = {
  name: 'AIS person-name lexicon',
  version: '1.0.0',
  description:
    'Lower-cased common given names and surnames. A name is evidence only together with a second cue (see person-name.detector.ts); "ambiguous" lists lexicon entries that are also common English words, which never count on their own.',
  provenance: {
    given: `U.S. Census Bureau 1990, dist.male.first (top ${MALE_TOP}) and dist.female.first (top ${FEMALE_TOP}); public domain`,
    surnames: `U.S. Census Bureau 1990, dist.all.last (top ${SURNAME_TOP}); public domain`,
    ambiguous: `entries that are lower-case words of SCOWL american-english (Debian wamerican 2020.12.07), except the ${AMBIGUITY_EXEMPT_TOP} most frequent names of each census list`,
    generator: 'libs/pii/data/tools/build-name-lexicon.mjs',
  },
  given,
  surnames,
  ambiguous,
};
writeFileSync(path.join(outDir, 'names.v1.json'), JSON.stringify(out, null, 1) + '\n');

const lexicon = new Set([...given, ...surnames]);
const words = [...dictionary].filter((word) => word.length >= 2 && !lexicon.has(word)).sort();
const english = {
  name: 'AIS common English words',
  version: '1.0.0',
  description:
    'Lower-case English words (names of the lexicon removed). A capitalised token that is an ordinary English word is no evidence of a person name ("Training", "Execution").',
  provenance: 'lower-case alphabetic entries of SCOWL american-english (Debian wamerican 2020.12.07); generator: libs/pii/data/tools/build-name-lexicon.mjs',
  count: words.length,
  words: words.join(' '),
};
writeFileSync(path.join(outDir, 'english-words.v1.json'), JSON.stringify(english, null, 1) + '\n');
