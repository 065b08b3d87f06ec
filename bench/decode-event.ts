/**
 * Cost of decoding one pipeline record (issue 7): the `SubmissionScreened` golden fixture with its
 * objects replaced by a 9-object bundle of the pipeline benchmark's generator (the mean size), as a
 * Buffer, as consumers get it from Kafka. `decodeEvent` N times per round; JSON.parse alone for
 * reference; prints µs per decode for every round and the median.
 *
 *   node -r @swc-node/register bench/decode-event.ts [--decodes 20000] [--rounds 5]
 * Pin to one CPU for steadier figures: taskset -c 0 node -r @swc-node/register bench/decode-event.ts
 */
import 'reflect-metadata';
import { decodeEvent } from '@ais/contracts';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { BundleGenerator } from './pipeline/bundle-generator';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

const DECODES = option('--decodes', 20_000);
const ROUNDS = option('--rounds', 5);
const OBJECTS = 9;

function nineObjectRecord(): Buffer {
  const fixture = JSON.parse(readFileSync(join(__dirname, '../libs/contracts/src/__fixtures__/submission-screened.v1.json'), 'utf8')) as {
    data: Record<string, unknown>;
  };
  const generator = new BundleGenerator();
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const { objects } = generator.bundle();
    if (objects.length === OBJECTS) {
      return Buffer.from(JSON.stringify({ ...fixture, data: { ...fixture.data, objects } }));
    }
  }
  throw new Error(`the generator made no ${OBJECTS}-object bundle`);
}

/** µs per call of `run` over DECODES calls. */
function microsPerCall(run: () => unknown): number {
  const started = process.hrtime.bigint();
  for (let i = 0; i < DECODES; i++) {
    run();
  }
  return Number(process.hrtime.bigint() - started) / 1_000 / DECODES;
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

function main(): void {
  const record = nineObjectRecord();
  const check = decodeEvent(record);
  if (!check.ok) {
    throw new Error(`the benchmark record does not decode: ${check.reason}`);
  }
  microsPerCall(() => decodeEvent(record)); // warm-up: let the JIT settle before measuring
  const decode: number[] = [];
  const parse: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    decode.push(microsPerCall(() => decodeEvent(record)));
    parse.push(microsPerCall(() => JSON.parse(record.toString('utf8'))));
  }
  const format = (values: readonly number[]) => values.map((v) => v.toFixed(1)).join(' · ');
  console.log(`record: SubmissionScreened, ${OBJECTS} objects, ${record.length} bytes; ${DECODES} decodes × ${ROUNDS} rounds; load average ${loadavg()[0]?.toFixed(1)}`);
  console.log(`decodeEvent      median ${median(decode).toFixed(1)} µs  (rounds ${format(decode)})`);
  console.log(`JSON.parse alone median ${median(parse).toFixed(1)} µs  (rounds ${format(parse)})`);
}

main();
