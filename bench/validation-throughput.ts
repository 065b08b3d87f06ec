// Validation throughput of @ais/stix on one core: typical AIS indicators, N objects per
// repetition, 5 repetitions; prints objects/s for each, the median, and the ratio to the target.
//   node -r @swc-node/register bench/validation-throughput.ts [N=200000]
// Pin to one CPU for steadier figures: taskset -c 0 node -r @swc-node/register bench/validation-throughput.ts
import { TLP_MARKING_IDS, validateStixObject } from '@ais/stix';

const TARGET_PER_SECOND = 20_000;
const REPETITIONS = 5;
const count = Number(process.argv[2] ?? 200_000);

/** mulberry32: a small seeded generator, so every run validates the same objects. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(20_260_101);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
const hex = (length: number): string => {
  let text = '';
  while (text.length < length) {
    text += Math.floor(next() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0');
  }
  return text.slice(0, length);
};
const uuid4 = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
const octet = (): number => 1 + Math.floor(next() * 254);
const timestamp = (year: number): string => {
  const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
  return `${year}-${month}-${day}T${String(Math.floor(next() * 24)).padStart(2, '0')}:15:30.${String(Math.floor(next() * 1000)).padStart(3, '0')}Z`;
};

const COMPARISONS: readonly (() => string)[] = [
  () => `ipv4-addr:value = '${octet()}.${octet()}.${octet()}.${octet()}'`,
  () => `ipv4-addr:value ISSUBSET '${octet()}.${octet()}.0.0/16'`,
  () => `domain-name:value = 'host${hex(6)}.example.com'`,
  () => `url:value = 'http://bad${hex(5)}.example.net/path/${hex(8)}'`,
  () => `file:hashes.'SHA-256' = '${hex(64)}'`,
  () => `file:hashes.MD5 = '${hex(32)}'`,
  () => `email-addr:value LIKE '%@phish${hex(4)}.example.org'`,
  () => `network-traffic:dst_port IN (443, 8443, ${1024 + Math.floor(next() * 60000)})`,
  () => `email-message:subject MATCHES '^Invoice [0-9]+'`,
];

function pattern(): string {
  const terms = 1 + Math.floor(next() * 3);
  const comparisons = Array.from({ length: terms }, () => pick(COMPARISONS)());
  if (terms === 1) {
    return `[${comparisons[0]}]`;
  }
  if (next() < 0.5) {
    return `[${comparisons.join(pick([' AND ', ' OR ']))}]`;
  }
  // Separate observations, sometimes qualified.
  const joined = comparisons.map((comparison) => `[${comparison}]`).join(pick([' AND ', ' OR ', ' FOLLOWEDBY ']));
  return next() < 0.5 ? `(${joined}) WITHIN ${60 + Math.floor(next() * 600)} SECONDS` : joined;
}

function indicator(): Record<string, unknown> {
  const created = timestamp(2024);
  const object: Record<string, unknown> = {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${uuid4()}`,
    created,
    modified: created,
    created_by_ref: `identity--${uuid4()}`,
    name: `Suspicious infrastructure ${hex(6)}`,
    description: 'Observed in a phishing campaign against the energy sector; block at the perimeter.',
    indicator_types: [pick(['malicious-activity', 'anomalous-activity', 'compromised', 'attribution'])],
    pattern: pattern(),
    pattern_type: 'stix',
    pattern_version: '2.1',
    valid_from: created,
    labels: ['ais', pick(['phishing', 'c2', 'malware-delivery'])],
    confidence: Math.floor(next() * 101),
    object_marking_refs: [pick([TLP_MARKING_IDS.white, TLP_MARKING_IDS.green, TLP_MARKING_IDS.amber] as string[])],
    external_references: [{ source_name: 'ais-exchange', external_id: `AIS-${hex(10)}`, url: `https://ais.example.gov/indicators/${hex(12)}` }],
    kill_chain_phases: [{ kill_chain_name: 'lockheed-martin-cyber-kill-chain', phase_name: 'delivery' }],
  };
  if (next() < 0.5) {
    object.valid_until = timestamp(2026);
  }
  return object;
}

function format(rate: number): string {
  return Math.round(rate).toLocaleString('en-US');
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function main(): void {
  // Objects as they arrive: parsed from JSON text, so they have the shapes JSON.parse gives.
  const objects = JSON.parse(JSON.stringify(Array.from({ length: count }, indicator))) as unknown[];
  const invalid = objects.filter((object) => !validateStixObject(object).valid).length; // also warms up
  if (invalid > 0) {
    console.error(`${invalid} generated objects are invalid: the benchmark must measure valid indicators`);
    process.exitCode = 2;
    return;
  }
  const rates: number[] = [];
  const cpuRates: number[] = [];
  for (let repetition = 1; repetition <= REPETITIONS; repetition++) {
    let valid = 0;
    const cpuStarted = process.cpuUsage();
    const started = process.hrtime.bigint();
    for (const object of objects) {
      if (validateStixObject(object).valid) {
        valid++;
      }
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = process.cpuUsage(cpuStarted);
    // CPU time of this process: the same figure on a busy machine, where wall-clock time is shared.
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    rates.push(count / seconds);
    cpuRates.push(count / cpuSeconds);
    console.log(
      `repetition ${repetition}: ${count} objects (${valid} valid) in ${seconds.toFixed(3)} s = ${format(count / seconds)} objects/s` +
        ` (${cpuSeconds.toFixed(3)} s CPU = ${format(count / cpuSeconds)} objects/s of CPU)`,
    );
  }
  const middle = median(rates);
  const ratio = middle / TARGET_PER_SECOND;
  console.log(`median: ${format(middle)} objects/s; target ${format(TARGET_PER_SECOND)} objects/s; ratio ${ratio.toFixed(2)}x`);
  console.log(`median by CPU time: ${format(median(cpuRates))} objects/s; ratio ${(median(cpuRates) / TARGET_PER_SECOND).toFixed(2)}x`);
  if (ratio < 1) {
    process.exitCode = 1;
  }
}

main();
