/**
 * PII screening throughput on one core: typical objects (indicators with descriptions,
 * courses of action, identities, notes, observables) from the synthetic corpus, each screened with
 * its bundle's context, as pii-filter will.
 *
 *   node -r @swc-node/register bench/pii-throughput.ts [--bundles N] [--repetitions N]
 *
 * One warm-up pass, then N timed passes (default 5); prints each pass, the median and its ratio
 * to the target of 5,000 objects/s.
 */
import type { ScreeningContext, StixObject } from '@ais/pii';
import { buildScreeningContext, generateCorpus, screenObject } from '@ais/pii';

const TARGET_OBJECTS_PER_SECOND = 5000;

function parseArgs(argv: readonly string[]): { bundles: number; repetitions: number } {
  const options = { bundles: 1000, repetitions: 5 };
  for (let i = 0; i < argv.length; i += 2) {
    const value = Number(argv[i + 1]);
    if (argv[i] === '--bundles' && Number.isInteger(value) && value > 0) {
      options.bundles = value;
    } else if (argv[i] === '--repetitions' && Number.isInteger(value) && value > 0) {
      options.repetitions = value;
    } else {
      throw new Error(`unknown argument ${argv[i] ?? ''}; usage: [--bundles N] [--repetitions N]`);
    }
  }
  return options;
}

interface Work {
  readonly objects: readonly StixObject[];
  readonly patternValues: readonly string[];
  readonly byIndicator: Readonly<Record<string, readonly string[]>>;
}

/** One pass: context per bundle, then every object. Returns objects screened and held fields (so nothing is optimised away). */
function pass(work: readonly Work[]): { objects: number; held: number } {
  let objects = 0;
  let held = 0;
  for (const bundle of work) {
    const base = buildScreeningContext(bundle.objects, bundle.patternValues);
    for (const object of bundle.objects) {
      const own = bundle.byIndicator[object.id];
      const context: ScreeningContext = own === undefined ? base : { ...base, ownPatternValues: own };
      held += screenObject(object, context).held.length;
      objects += 1;
    }
  }
  return { objects, held };
}

function main(): void {
  const { bundles, repetitions } = parseArgs(process.argv.slice(2));
  const corpus = generateCorpus({ seed: 42, bundles });
  const work: Work[] = corpus.bundles.map((bundle) => ({ objects: bundle.objects, patternValues: bundle.patternValues, byIndicator: bundle.patternValuesByIndicator }));
  const types = new Map<string, number>();
  for (const bundle of work) {
    for (const object of bundle.objects) {
      types.set(object.type, (types.get(object.type) ?? 0) + 1);
    }
  }
  const total = [...types.values()].reduce((a, b) => a + b, 0);
  const mix = [...types.entries()].sort((a, b) => b[1] - a[1]).map(([type, count]) => `${type} ${((100 * count) / total).toFixed(0)}%`);
  console.log(`PII screening throughput — ${total} objects in ${work.length} bundles (${mix.join(', ')})`);

  pass(work); // warm-up: JIT, lazily built sets
  const rates: number[] = [];
  for (let i = 1; i <= repetitions; i += 1) {
    const started = process.hrtime.bigint();
    const { objects, held } = pass(work);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rate = objects / seconds;
    rates.push(rate);
    console.log(`pass ${i}: ${objects} objects in ${seconds.toFixed(3)} s = ${Math.round(rate)} objects/s (${held} fields held)`);
  }
  const sorted = [...rates].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  console.log(`median ${Math.round(median)} objects/s; target ${TARGET_OBJECTS_PER_SECOND} objects/s; ratio ${(median / TARGET_OBJECTS_PER_SECOND).toFixed(2)}× ${median >= TARGET_OBJECTS_PER_SECOND ? '(met)' : '(NOT MET)'}`);
}

main();
