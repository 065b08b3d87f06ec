/**
 * End-to-end pipeline benchmark (issue 7) and first-version latency (issue 5), in one run:
 *
 * 1. starts an isolated system (own database, topic prefix and ports, as the e2e tests do),
 *    registers a participant, subscribes to `ais.dissemination.published`;
 * 2. posts realistic bundles (bench/pipeline/bundle-generator.ts: seeded, documented size
 *    distribution) through TAXII: a warm-up, then each fixed rate (objects/s), then a fixed rate of
 *    submissions/s (issue 5), then the maximum; latency is POST due time → first version published;
 * 3. stops the system and runs the raw-Kafka baseline: the same number of hops, each a pass-through
 *    process with the stage's client and transaction settings, at the maximum and the first rate;
 * 4. prints a table (objects/s, latency p50/p95/p99, CPU and memory per process, per-group batch
 *    figures, pipeline/baseline ratio), saves the figures as JSON and the chart as PNG.
 *
 *   node -r @swc-node/register bench/pipeline-throughput.ts [--duration 60] [--rate-duration 30]
 *     [--rates 500] [--submissions 100] [--partitions 1] [--backlog 20000] [--port-base 19280]
 *     [--warm-up 10] [--drain 60] [--skip-baseline] [--skip-pipeline] [--chart docs/img/pipeline-benchmark.png] [--log-level info]
 *     [--cpu-prof DIR]  (each service writes a V8 CPU profile to DIR when it stops)
 *
 * Needs the local stack (bash scripts/stack.sh up). Figures are noisy on a shared machine: the
 * output says what else was running (load average before and after).
 */
import 'reflect-metadata';
import { Topics } from '@ais/contracts';
import { createKafka, deleteTopicsWithPrefix, desiredTopics, ensureTopics, publisherProducerConfig } from '@ais/messaging';
import { TEST_BROKERS, TEST_DATABASE_URL, uniqueName } from '@ais/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { TOPIC_SPECS } from '@ais/contracts';
import { REPO_ROOT, SERVICES } from '../scripts/system/service-launcher';
import { E2eSystem, type Account } from '../test/e2e/support/e2e-system';
import { ArrivalRecorder, BASELINE_HEADERS, baselineBundlesTo, publishedObjectsTo, TopicSubscriber, type Arrival } from './pipeline/arrivals';
import { BundleGenerator, meanObjectsPerBundle, type Bundle } from './pipeline/bundle-generator';
import { chartSvg, renderPng } from './pipeline/chart';
import { drive, type BundleSink, type LoadMode, type LoadResult } from './pipeline/load-driver';
import { postText } from './pipeline/http-post';
import { pidFromFile, ProcessSampler, type ProcessUsage, type SampledProcess } from './pipeline/process-sampler';
import { groupFigures, scrapeGroups, type GroupFigures } from './pipeline/stage-metrics';
import { StatementCounter } from './pipeline/statement-counter';
import { stopOnSignal } from './pipeline/stop-on-signal';

const TARGET_OBJECTS_PER_SECOND = 2_000;
const TARGET_BASELINE_SHARE = 0.5;
const TARGET_P99_MS = 1_000;
const COLLECTION = '6f4b7f9e-3a52-4c8e-9b1d-2f0c5e8a7d41';
/** Before the measured phases, of the pipeline and of the baseline alike (`--warm-up` seconds). */
const WARM_UP_LOAD: LoadMode = { kind: 'objects', perSecond: 300 };
const TAXII = 'application/taxii+json;version=2.1';
/** The pipeline's Kafka hops after the POST: validated, anonymized, screened, published. */
const HOP_TOPICS = [Topics.intakeSubmissions, Topics.pipelineValidated, Topics.pipelineAnonymized, Topics.pipelineScreened, Topics.disseminationPublished];

interface Options {
  durationS: number;
  rateDurationS: number;
  rates: number[];
  submissions: number[];
  partitions: number;
  backlog: number;
  concurrency: number;
  portBase: number;
  baseline: boolean;
  pipeline: boolean;
  chart: string;
  logLevel: string;
  warmInS: number;
  warmUpS: number;
  drainS: number;
  cpuProfileDir: string;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = {
    durationS: 60,
    rateDurationS: 30,
    rates: [500],
    submissions: [100],
    // One per topic, as a single node deploys it: partitions are how many instances of a service
    // share its group's work, and one node runs one of each. More partitions there only mean more,
    // smaller Kafka transactions (3: ~500 objects/s, 1: ~660; docs/benchmarks.md, run 8).
    partitions: Number(process.env.KAFKA_TOPIC_PARTITIONS ?? 1),
    backlog: 20_000,
    // POSTs in flight in the maximum phase: 16 left the machine with CPU to spare (the generator, not the
    // pipeline, was the limit); 64 saturates it.
    concurrency: 64,
    portBase: 19280,
    baseline: true,
    pipeline: true,
    chart: join('docs', 'img', 'pipeline-benchmark.png'),
    logLevel: 'info',
    warmInS: 5,
    // 60 s let both JIT compilers settle (V8's, the broker's C2) but did not lower the fixed-rate
    // phases' latency (docs/benchmarks.md, run 8): the longer warm-up is an option, not the default.
    warmUpS: 10,
    drainS: 60,
    cpuProfileDir: '',
  };
  const list = (value: string) => (value === '' ? [] : value.split(',').map(Number));
  const valued: Record<string, (value: string) => void> = {
    '--duration': (value) => (options.durationS = Number(value)),
    '--rate-duration': (value) => (options.rateDurationS = Number(value)),
    '--rates': (value) => (options.rates = list(value)),
    '--submissions': (value) => (options.submissions = list(value)),
    '--partitions': (value) => (options.partitions = Number(value)),
    '--backlog': (value) => (options.backlog = Number(value)),
    '--concurrency': (value) => (options.concurrency = Number(value)),
    '--port-base': (value) => (options.portBase = Number(value)),
    '--chart': (value) => (options.chart = value),
    '--log-level': (value) => (options.logLevel = value),
    '--warm-in': (value) => (options.warmInS = Number(value)),
    '--warm-up': (value) => (options.warmUpS = Number(value)),
    '--drain': (value) => (options.drainS = Number(value)),
    '--cpu-prof': (value) => (options.cpuProfileDir = resolve(value)),
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const setter = valued[flag];
    if (setter !== undefined) {
      setter(argv[++i] ?? '');
    } else if (flag === '--skip-baseline') {
      options.baseline = false;
    } else if (flag === '--skip-pipeline') {
      options.pipeline = false;
    } else {
      throw new Error(`unknown argument ${flag}; see the header of bench/pipeline-throughput.ts`);
    }
  }
  return options;
}

interface PhaseReport {
  readonly system: 'pipeline' | 'baseline';
  readonly phase: string;
  readonly offered: string;
  readonly load: LoadResult;
  /** Objects/s arrived during the phase after its warm-in (max phases: the sustained figure). */
  readonly objectsPerSecond: number;
  readonly latency: { p50: number; p95: number; p99: number; max: number; objects: number } | null;
  readonly delivered: number;
  readonly posted: number;
  readonly perSecond: number[];
  readonly processes: ProcessUsage[];
  readonly groups: GroupFigures[];
  /** PostgreSQL statements the system's database ran in the phase and its drain; null if not counted. */
  readonly statements: number | null;
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

function latencyOf(arrivals: readonly Arrival[]): PhaseReport['latency'] {
  const values: number[] = [];
  for (const arrival of arrivals) {
    for (let i = 0; i < arrival.objects; i++) {
      values.push(arrival.arrivedAt - arrival.sentAt);
    }
  }
  if (values.length === 0) {
    return null;
  }
  values.sort((left, right) => left - right);
  return { p50: percentile(values, 0.5), p95: percentile(values, 0.95), p99: percentile(values, 0.99), max: values[values.length - 1]!, objects: values.length };
}

/** Waits until everything posted has arrived, or nothing arrived for `quietMs` (bounded). */
async function drain(recorder: ArrivalRecorder, phase: string, limitMs: number, quietMs = 20_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (recorder.backlog(phase) > 0 && Date.now() < deadline) {
    if (recorder.lastArrivalAt > 0 && Date.now() - recorder.lastArrivalAt > quietMs) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface Harness {
  readonly system: 'pipeline' | 'baseline';
  readonly recorder: ArrivalRecorder;
  readonly sink: BundleSink;
  readonly generator: BundleGenerator;
  readonly processes: readonly SampledProcess[];
  readonly metricsUrls: readonly string[];
  /** Longest wait after a phase for what it posted to come out. */
  readonly drainMs: number;
  /** The system's database statements (the pipeline's; the baseline has no database). */
  readonly statements: StatementCounter | null;
  readonly trackIds: boolean;
}

async function runPhase(harness: Harness, phase: string, mode: LoadMode, durationS: number, warmInS: number): Promise<PhaseReport> {
  const sampler = new ProcessSampler(harness.processes);
  const before = await scrapeGroups(harness.metricsUrls);
  const statementsBefore = (await harness.statements?.count()) ?? null;
  sampler.start();
  const load = await drive({ phase, mode, durationMs: durationS * 1000, generator: harness.generator, sink: harness.sink, recorder: harness.recorder, trackIds: harness.trackIds });
  const processes = sampler.stop();
  const groups = groupFigures(before, await scrapeGroups(harness.metricsUrls), (load.endedAt - load.startedAt) / 1000);
  await drain(harness.recorder, phase, harness.drainMs);
  // Counted after the drain, so that every statement the phase's submissions caused is in.
  const statementsAfter = (await harness.statements?.count()) ?? null;
  const statements = statementsBefore === null || statementsAfter === null ? null : statementsAfter - statementsBefore;
  const mine = harness.recorder.arrivals.filter((arrival) => arrival.phase === phase);
  const windowStart = load.startedAt + warmInS * 1000;
  const windowEnd = load.startedAt + durationS * 1000;
  const inWindow = mine.filter((arrival) => arrival.arrivedAt >= windowStart && arrival.arrivedAt < windowEnd);
  const objectsPerSecond = inWindow.reduce((sum, arrival) => sum + arrival.objects, 0) / ((windowEnd - windowStart) / 1000);
  const perSecond = Array.from({ length: durationS }, () => 0);
  for (const arrival of mine) {
    const second = Math.floor((arrival.arrivedAt - load.startedAt) / 1000);
    if (second >= 0 && second < durationS) {
      perSecond[second]! += arrival.objects;
    }
  }
  const measured = mine.filter((arrival) => arrival.sentAt >= windowStart);
  const delivered = mine.reduce((sum, arrival) => sum + arrival.objects, 0);
  const offered = mode.kind === 'max' ? 'maximum' : mode.kind === 'objects' ? `${mode.perSecond} objects/s` : `${mode.perSecond} submissions/s`;
  const report: PhaseReport = {
    system: harness.system,
    phase,
    offered,
    load,
    objectsPerSecond,
    latency: latencyOf(measured),
    delivered,
    posted: load.objects,
    perSecond,
    processes,
    groups,
    statements,
  };
  printPhase(report);
  return report;
}

const fmt = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function printPhase(report: PhaseReport): void {
  const { load, latency } = report;
  const seconds = (load.endedAt - load.startedAt) / 1000;
  console.log(
    `[${report.system}] ${report.phase} (${report.offered}): posted ${load.submissions} submissions / ${load.objects} objects in ${fmt(seconds, 1)} s` +
      ` (${fmt(load.objects / seconds)} objects/s offered, ${load.failures} failed, ${load.late} late); delivered ${report.delivered}/${report.posted};` +
      ` ${fmt(report.objectsPerSecond)} objects/s arrived` +
      (latency === null ? '' : `; latency p50 ${latency.p50} ms, p95 ${latency.p95} ms, p99 ${latency.p99} ms, max ${latency.max} ms over ${latency.objects} objects`),
  );
  if (load.failures > 0) {
    console.log(`  failed sends: ${JSON.stringify(load.failureReasons)}`);
  }
  console.log(`  CPU (cores) / RSS median MiB: ${report.processes.map((p) => `${p.name} ${fmt(p.cpuCores, 2)}/${fmt(p.rssMedianMiB)}`).join(', ')}`);
  // CPU the system spent per object that came out: what caps throughput on a machine of 2 cores.
  const systemCores = report.processes.filter((p) => p.name !== 'bench').reduce((sum, p) => sum + p.cpuCores, 0);
  if (report.objectsPerSecond > 0) {
    console.log(`  system CPU ${fmt(systemCores, 2)} cores = ${fmt((systemCores * 1000) / report.objectsPerSecond, 2)} ms of CPU per object arrived`);
  }
  if (report.statements !== null && load.submissions > 0) {
    console.log(`  PostgreSQL statements ${fmt(report.statements)} = ${fmt(report.statements / load.submissions, 1)} per submission (pg_stat_statements, this system's database, phase and drain)`);
  }
  for (const group of report.groups) {
    console.log(
      `  ${group.group}: ${group.batches} batches, ${group.records} records, ${fmt(group.meanBatchSize, 1)} records/batch, ${fmt(group.meanBatchMs, 1)} ms/batch, busy ${fmt(group.busy * 100)} %`,
    );
  }
}

/** What the system costs doing nothing (consumers polling, timers): the floor under every phase. */
async function sampleIdle(processes: readonly SampledProcess[], seconds = 10): Promise<void> {
  const sampler = new ProcessSampler(processes);
  sampler.start();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const usage = sampler.stop();
  const total = usage.filter((p) => p.name !== 'postgres' && p.name !== 'bench').reduce((sum, p) => sum + p.cpuCores, 0);
  console.log(`idle ${seconds} s, CPU (cores): ${usage.map((p) => `${p.name} ${fmt(p.cpuCores, 2)}`).join(', ')}; services + Kafka ${fmt(total, 2)}`);
}

function post(system: E2eSystem, account: Account): BundleSink {
  const authorization = `Basic ${Buffer.from(`${account.username}:${account.password}`).toString('base64')}`;
  const url = new URL(system.url('ingest-gateway', `/ingest/collections/${COLLECTION}/objects/`));
  const headers = { authorization, accept: TAXII, 'content-type': TAXII };
  return async (bundle: Bundle) => {
    const answer = await postText(url, headers, JSON.stringify({ objects: bundle.objects }));
    if (answer.status !== 202) {
      throw new Error(`POST answered ${answer.status}`);
    }
    return (JSON.parse(answer.body) as { id: string }).id;
  };
}

function infrastructure(): SampledProcess[] {
  return [
    { name: 'kafka', pid: () => pidFromFile(join(REPO_ROOT, '.local', 'kafka', 'kafka.pid')) },
    { name: 'postgres', pid: () => pidFromFile(join(REPO_ROOT, '.local', 'postgres', 'data', 'postmaster.pid')), withChildren: true },
    { name: 'bench', pid: () => process.pid },
  ];
}

async function runPipeline(options: Options, seed: number): Promise<PhaseReport[]> {
  const system = new E2eSystem(options.portBase, {
    env: { LOG_LEVEL: options.logLevel, KAFKA_TOPIC_PARTITIONS: String(options.partitions) },
    // Each service writes a .cpuprofile there when it stops (open in Chrome DevTools).
    nodeArgs: options.cpuProfileDir === '' ? [] : ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`],
  });
  const reports: PhaseReport[] = [];
  const startedAt = Date.now();
  let subscriber: TopicSubscriber | null = null;
  const release = stopOnSignal(() => system.stop());
  try {
    await system.start();
    console.log(`system up in ${fmt((Date.now() - startedAt) / 1000, 1)} s (prefix ${system.topicPrefix}, logs .local/logs/${system.id})`);
    const participant = await system.createAccount('participant', { sectors: ['energy'], city: 'Austin', state: 'TX' });
    const recorder = new ArrivalRecorder();
    subscriber = new TopicSubscriber(TEST_BROKERS, system.topicPrefix + Topics.disseminationPublished, `${system.topicPrefix}bench-subscriber`, publishedObjectsTo(recorder));
    await subscriber.start();
    const harness: Harness = {
      system: 'pipeline',
      recorder,
      sink: post(system, participant),
      generator: new BundleGenerator(seed),
      processes: [...SERVICES.map((service) => ({ name: service, pid: () => system.launcher.pid(service) })), ...infrastructure()],
      metricsUrls: SERVICES.map((service) => system.url(service, '/metrics')),
      drainMs: options.drainS * 1000,
      statements: new StatementCounter(TEST_DATABASE_URL, system.id),
      trackIds: true,
    };
    await sampleIdle(harness.processes);
    await runPhase(harness, 'warm-up', WARM_UP_LOAD, options.warmUpS, 0);
    for (const rate of options.rates) {
      reports.push(await runPhase(harness, `rate-${rate}`, { kind: 'objects', perSecond: rate }, options.rateDurationS, options.warmInS));
    }
    for (const rate of options.submissions) {
      reports.push(await runPhase(harness, `submissions-${rate}`, { kind: 'submissions', perSecond: rate }, options.rateDurationS, options.warmInS));
    }
    reports.push(
      await runPhase(harness, 'max', { kind: 'max', backlogObjects: options.backlog, concurrency: options.concurrency }, options.durationS + 10, 10),
    );
  } finally {
    release();
    await subscriber?.stop();
    await system.stop();
  }
  return reports;
}

function spawnHop(input: string, output: string, group: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join('bench', 'pipeline', 'baseline-hop.ts'), '--in', input, '--out', output, '--group', group, '--brokers', TEST_BROKERS.join(',')], {
    cwd: REPO_ROOT,
    env: { ...process.env, SWC_NODE_PROJECT: join(REPO_ROOT, 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`baseline hop ${input} did not start`)), 90_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('running')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`baseline hop ${input} exited (${code ?? 'signal'})`)));
  });
}

function stopHops(hops: readonly ChildProcess[]): Promise<void> {
  return Promise.all(
    hops.map(
      (hop) =>
        new Promise<void>((resolve) => {
          if (hop.exitCode !== null || hop.signalCode !== null) {
            resolve();
            return;
          }
          hop.once('exit', () => resolve());
          hop.kill('SIGTERM');
        }),
    ),
  ).then(() => undefined);
}

async function runBaseline(options: Options, seed: number): Promise<PhaseReport[]> {
  const prefix = `${uniqueName('bench-base')}.`;
  const kafka = createKafka({ brokers: TEST_BROKERS, clientId: 'bench-baseline' });
  const admin = kafka.admin();
  await admin.connect();
  const hopSpecs = TOPIC_SPECS.filter((spec) => (HOP_TOPICS as readonly string[]).includes(spec.name));
  await ensureTopics(admin, desiredTopics({ partitions: options.partitions, replicationFactor: 1 }, prefix, hopSpecs));
  const topics = HOP_TOPICS.map((topic) => prefix + topic);
  const hops: ChildProcess[] = [];
  const producer = kafka.producer(publisherProducerConfig());
  const recorder = new ArrivalRecorder();
  const subscriber = new TopicSubscriber(TEST_BROKERS, topics[topics.length - 1]!, `${prefix}subscriber`, baselineBundlesTo(recorder));
  const reports: PhaseReport[] = [];
  const release = stopOnSignal(() => stopHops(hops));
  try {
    for (let i = 0; i + 1 < topics.length; i++) {
      hops.push(await spawnHop(topics[i]!, topics[i + 1]!, `${prefix}hop-${i + 1}`));
    }
    await producer.connect();
    await subscriber.start();
    const sink: BundleSink = async (bundle) => {
      const id = randomUUID();
      await producer.send({
        topic: topics[0]!,
        acks: -1,
        messages: [{ key: id, value: JSON.stringify({ objects: bundle.objects }), headers: { [BASELINE_HEADERS.submissionId]: id, [BASELINE_HEADERS.objects]: String(bundle.objects.length) } }],
      });
      return id;
    };
    const harness: Harness = {
      system: 'baseline',
      recorder,
      sink,
      generator: new BundleGenerator(seed),
      processes: [...hops.map((hop, i) => ({ name: `hop-${i + 1}`, pid: () => hop.pid })), ...infrastructure()],
      metricsUrls: [],
      drainMs: options.drainS * 1000,
      statements: null,
      trackIds: false,
    };
    await runPhase(harness, 'warm-up', WARM_UP_LOAD, options.warmUpS, 0);
    if (options.rates[0] !== undefined) {
      reports.push(await runPhase(harness, `rate-${options.rates[0]}`, { kind: 'objects', perSecond: options.rates[0] }, options.rateDurationS, options.warmInS));
    }
    reports.push(
      await runPhase(harness, 'max', { kind: 'max', backlogObjects: options.backlog, concurrency: options.concurrency }, options.durationS + 10, 10),
    );
  } finally {
    release();
    await subscriber.stop();
    await producer.disconnect();
    await stopHops(hops);
    await deleteTopicsWithPrefix(admin, prefix).catch(() => undefined);
    await admin.disconnect();
  }
  return reports;
}

function summary(reports: readonly PhaseReport[]): string[] {
  const lines: string[] = [];
  const pipelineMax = reports.find((r) => r.system === 'pipeline' && r.phase === 'max');
  const baselineMax = reports.find((r) => r.system === 'baseline' && r.phase === 'max');
  lines.push('| run | offered | objects/s arrived | p50 ms | p95 ms | p99 ms | delivered / posted |');
  lines.push('|---|---|---|---|---|---|---|');
  for (const r of reports) {
    const l = r.latency;
    lines.push(
      `| ${r.system} ${r.phase} | ${r.offered} | ${fmt(r.objectsPerSecond)} | ${l === null ? '–' : fmt(l.p50)} | ${l === null ? '–' : fmt(l.p95)} | ${l === null ? '–' : fmt(l.p99)} | ${r.delivered} / ${r.posted} |`,
    );
  }
  if (pipelineMax !== undefined) {
    lines.push('');
    lines.push(`sustained pipeline: ${fmt(pipelineMax.objectsPerSecond)} objects/s; target ${fmt(TARGET_OBJECTS_PER_SECOND)}; ratio ${(pipelineMax.objectsPerSecond / TARGET_OBJECTS_PER_SECOND).toFixed(2)}x`);
  }
  if (pipelineMax !== undefined && baselineMax !== undefined && baselineMax.objectsPerSecond > 0) {
    const share = pipelineMax.objectsPerSecond / baselineMax.objectsPerSecond;
    lines.push(`pipeline / baseline: ${(share * 100).toFixed(0)} % (baseline ${fmt(baselineMax.objectsPerSecond)} objects/s); target ≥ ${TARGET_BASELINE_SHARE * 100} %`);
  }
  for (const r of reports.filter((report) => report.system === 'pipeline' && report.latency !== null && report.phase !== 'max')) {
    lines.push(`${r.phase}: p99 ${fmt(r.latency!.p99)} ms; target ≤ ${TARGET_P99_MS} ms; ${r.latency!.p99 <= TARGET_P99_MS ? 'met' : 'NOT met'}`);
  }
  const usage = reports.filter((r) => r.phase === 'max');
  for (const r of usage) {
    lines.push('');
    lines.push(`${r.system} at the maximum, per process: cores used / median RSS MiB / peak RSS MiB`);
    lines.push(`| ${r.processes.map((p) => p.name).join(' | ')} |`);
    lines.push(`|${r.processes.map(() => '---').join('|')}|`);
    lines.push(`| ${r.processes.map((p) => `${fmt(p.cpuCores, 2)} / ${fmt(p.rssMedianMiB)} / ${fmt(p.rssPeakMiB)}`).join(' | ')} |`);
  }
  return lines;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const seed = 20_261_201;
  const loadBefore = loadavg();
  console.log(`bundles: ${fmt(meanObjectsPerBundle(), 2)} objects on average (seed ${seed}); partitions ${options.partitions}; load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`);
  const reports: PhaseReport[] = [];
  if (options.pipeline) {
    reports.push(...(await runPipeline(options, seed)));
  }
  if (options.baseline) {
    reports.push(...(await runBaseline(options, seed)));
  }
  const loadAfter = loadavg();
  console.log('');
  for (const line of summary(reports)) {
    console.log(line);
  }
  console.log(`load average before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${loadAfter.map((l) => l.toFixed(2)).join(' ')}`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const outDir = join(REPO_ROOT, '.local', 'bench');
  mkdirSync(outDir, { recursive: true });
  const jsonPath = join(outDir, `pipeline-${stamp}.json`);
  writeFileSync(jsonPath, JSON.stringify({ options, loadBefore, loadAfter, reports }, null, 2));
  console.log(`figures: ${jsonPath}`);
  if (options.chart !== '') {
    const max = (system: string) => reports.find((r) => r.system === system && r.phase === 'max');
    const svg = chartSvg({
      title: `AIS pipeline vs raw-Kafka baseline, ${new Date().toISOString().slice(0, 10)}, ${options.partitions} partitions, load average ${loadAfter[1]!.toFixed(1)}`,
      throughput: [
        ...(max('pipeline') === undefined ? [] : [{ label: 'pipeline (max)', objectsPerSecond: max('pipeline')!.objectsPerSecond }]),
        ...(max('baseline') === undefined ? [] : [{ label: 'baseline (max)', objectsPerSecond: max('baseline')!.objectsPerSecond }]),
      ],
      throughputTarget: TARGET_OBJECTS_PER_SECOND,
      latency: reports
        .filter((r) => r.latency !== null && r.phase !== 'max')
        .map((r) => ({ label: `${r.system} ${r.offered}`, p50: r.latency!.p50, p95: r.latency!.p95, p99: r.latency!.p99 })),
      latencyTargetMs: TARGET_P99_MS,
      series: reports.filter((r) => r.phase === 'max').map((r) => ({ label: r.system, perSecond: r.perSecond })),
    });
    await renderPng(svg, resolve(REPO_ROOT, options.chart));
    console.log(`chart: ${options.chart}`);
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
