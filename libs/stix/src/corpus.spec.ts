import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StixErrorCode } from './error-codes';
import { KNOWN_PROPERTY_NAMES } from './property-names';
import type { StixBatchOptions } from './validate-object';
import { validateStixObject, validateStixObjects } from './validate-object';
import type { StixValidationResult } from './validation-result';

/**
 * The corpus (`src/__corpus__/*.json`): STIX objects with the verdict the specification gives them.
 * One file per error code holds at least one passing and one failing case for that rule;
 * `ais-realistic.json` holds AIS-like objects that must all pass. A failing case lists every code
 * it must produce, and no other: each case breaks exactly the rules it names.
 */
interface CorpusCase {
  readonly name: string;
  readonly valid: boolean;
  readonly codes?: readonly string[];
  /** One object, checked with `validateStixObject`… */
  readonly object?: unknown;
  /** …with these bundle ids as context, when given… */
  readonly bundleIds?: readonly string[];
  /** …or a batch, checked with `validateStixObjects`. */
  readonly objects?: readonly unknown[];
  readonly options?: StixBatchOptions;
}

interface CorpusFile {
  readonly file: string;
  readonly rule: string | null;
  readonly cases: readonly CorpusCase[];
}

const CORPUS_DIRECTORY = join(__dirname, '__corpus__');

const corpus: readonly CorpusFile[] = readdirSync(CORPUS_DIRECTORY)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((file) => ({ file, ...(JSON.parse(readFileSync(join(CORPUS_DIRECTORY, file), 'utf8')) as Omit<CorpusFile, 'file'>) }));

function run(testCase: CorpusCase): readonly StixValidationResult[] {
  if (testCase.objects !== undefined) {
    return validateStixObjects(testCase.objects, testCase.options);
  }
  const context = testCase.bundleIds === undefined ? undefined : { bundleIds: new Set(testCase.bundleIds) };
  return [validateStixObject(testCase.object, context)];
}

function codesOf(results: readonly StixValidationResult[]): string[] {
  return [...new Set(results.flatMap((result) => result.errors.map((error) => error.code)))].sort();
}

/** Every string in a JSON value, and every key that is not a STIX property name. */
function stringsIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') {
    into.add(value);
  } else if (Array.isArray(value)) {
    value.forEach((item) => stringsIn(item, into));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (!KNOWN_PROPERTY_NAMES.has(key)) {
        into.add(key);
      }
      stringsIn(item, into);
    }
  }
  return into;
}

describe('STIX corpus', () => {
  const cases = corpus.flatMap(({ file, cases: inFile }) => inFile.map((testCase) => ({ file, testCase })));

  it('agrees with the validator on every case', () => {
    const disagreements: string[] = [];
    for (const { file, testCase } of cases) {
      const results = run(testCase);
      const actual = codesOf(results);
      const expected = testCase.valid ? [] : [...new Set(testCase.codes ?? [])].sort();
      const verdict = results.every((result) => result.valid);
      if (verdict !== testCase.valid || actual.join() !== expected.join()) {
        const details = results.flatMap((result) => result.errors.map((error) => `${error.code} at "${error.path}": ${error.message}`));
        disagreements.push(`${file} › ${testCase.name}: expected ${testCase.valid ? 'valid' : expected.join(', ')}, got ${verdict ? 'valid' : actual.join(', ')}\n      ${details.join('\n      ')}`);
      }
    }
    if (disagreements.length > 0) {
      throw new Error(`${disagreements.length} of ${cases.length} corpus cases disagree:\n  ${disagreements.join('\n  ')}`);
    }
  });

  it('has a passing and a failing case for every error code', () => {
    const missing: string[] = [];
    for (const code of Object.values(StixErrorCode)) {
      const failing = cases.some(({ testCase }) => !testCase.valid && (testCase.codes ?? []).includes(code));
      const passing = corpus.some(({ rule, cases: inFile }) => rule === code && inFile.some((testCase) => testCase.valid));
      if (!failing || !passing) {
        missing.push(`${code}: ${failing ? '' : 'no failing case '}${passing ? '' : 'no passing case'}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names only error codes that exist', () => {
    const known = new Set<string>(Object.values(StixErrorCode));
    const unknown = cases.flatMap(({ file, testCase }) => (testCase.codes ?? []).filter((code) => !known.has(code)).map((code) => `${file}: ${code}`));
    const badRules = corpus.filter(({ rule }) => rule !== null && !known.has(rule)).map(({ file }) => file);
    expect([...unknown, ...badRules]).toEqual([]);
  });

  it('never puts a submitted value in an error message or path, and keeps messages short', () => {
    // Values that are also vocabulary of the messages themselves (type names, "2.1"…) are not evidence.
    const vocabulary = /^(?:[a-z0-9-]+|[a-z0-9_]+|\d+(?:\.\d+)?)$/;
    const leaks: string[] = [];
    for (const { file, testCase } of cases) {
      if (testCase.valid) {
        continue;
      }
      const submitted = [...stringsIn(testCase.object ?? testCase.objects)].filter((text) => text.length >= 6 && !vocabulary.test(text));
      for (const result of run(testCase)) {
        for (const error of result.errors) {
          const leaked = submitted.filter((text) => error.message.includes(text) || error.path.includes(text));
          if (leaked.length > 0) {
            leaks.push(`${file} › ${testCase.name}: ${error.code} carries ${leaked.length} submitted value(s)`);
          }
          if (error.message.length > 500) {
            leaks.push(`${file} › ${testCase.name}: ${error.code} message is longer than ObjectFailure's 500 characters`);
          }
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it(`holds at least ${200} cases`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
  });
});
