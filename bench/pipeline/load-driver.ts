/**
 * Offers bundles to a sink (TAXII POST, or the baseline's first topic) for a phase:
 * - `objects` / `submissions`: open loop at a fixed rate (each bundle has a due time; a late sink
 *   does not slow the schedule down, up to `maxInFlight` sends at once);
 * - `max`: as fast as the sink takes them, while the pipeline holds at most `backlogObjects`
 *   posted-but-unpublished objects, so the phase measures the pipeline, not a growing queue.
 */
import type { ArrivalRecorder } from './arrivals';
import type { Bundle, BundleGenerator } from './bundle-generator';

export type LoadMode =
  | { readonly kind: 'objects'; readonly perSecond: number }
  | { readonly kind: 'submissions'; readonly perSecond: number }
  | { readonly kind: 'max'; readonly backlogObjects: number; readonly concurrency: number };

/** Sends one bundle; resolves to the submission id the arrivals will name. */
export type BundleSink = (bundle: Bundle) => Promise<string>;

export interface PhaseLoad {
  readonly phase: string;
  readonly mode: LoadMode;
  readonly durationMs: number;
  readonly generator: BundleGenerator;
  readonly sink: BundleSink;
  readonly recorder: ArrivalRecorder;
  readonly maxInFlight?: number;
  /** Match arrivals to posted object ids (the pipeline); otherwise arrivals carry counts. */
  readonly trackIds?: boolean;
}

export interface LoadResult {
  readonly startedAt: number;
  readonly endedAt: number;
  readonly submissions: number;
  readonly objects: number;
  readonly failures: number;
  readonly failureReasons: Readonly<Record<string, number>>;
  /** Sends that started more than 100 ms after they were due (the sink could not keep up). */
  readonly late: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function drive(load: PhaseLoad): Promise<LoadResult> {
  return load.mode.kind === 'max' ? driveMax(load, load.mode) : driveFixedRate(load, load.mode);
}

interface Counts {
  failures: number;
  /** Why sends failed (HTTP status or the client's error, with its cause), and how often. */
  readonly reasons: Map<string, number>;
}

async function send(load: PhaseLoad, bundle: Bundle, dueAt: number, counts: Counts): Promise<void> {
  try {
    const id = await load.sink(bundle);
    load.recorder.register(id, load.phase, dueAt, bundle.objects.length, load.trackIds === true ? bundle.objects.map((object) => object.id as string) : []);
  } catch (error) {
    counts.failures += 1;
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    const reason = `${error instanceof Error ? error.message : String(error)}${cause}`;
    counts.reasons.set(reason, (counts.reasons.get(reason) ?? 0) + 1);
  }
}

const reasonsOf = (counts: Counts) => Object.fromEntries(counts.reasons);

async function driveFixedRate(load: PhaseLoad, mode: { kind: 'objects' | 'submissions'; perSecond: number }): Promise<LoadResult> {
  const maxInFlight = load.maxInFlight ?? 256;
  const startedAt = Date.now();
  const endAt = startedAt + load.durationMs;
  const counts: Counts = { failures: 0, reasons: new Map() };
  const inFlight = new Set<Promise<void>>();
  let submissions = 0;
  let objects = 0;
  let late = 0;
  // Due time of the next bundle: by objects sent so far, or by submissions.
  let dueAt = startedAt;
  while (dueAt < endAt) {
    const wait = dueAt - Date.now();
    if (wait > 0) {
      await sleep(wait);
    }
    while (inFlight.size >= maxInFlight) {
      await Promise.race(inFlight);
    }
    if (Date.now() - dueAt > 100) {
      late += 1;
    }
    const bundle = load.generator.bundle();
    const sending = send(load, bundle, dueAt, counts).finally(() => inFlight.delete(sending));
    inFlight.add(sending);
    submissions += 1;
    objects += bundle.objects.length;
    dueAt = startedAt + (mode.kind === 'objects' ? (objects / mode.perSecond) * 1000 : (submissions / mode.perSecond) * 1000);
  }
  await Promise.all(inFlight);
  return { startedAt, endedAt: Date.now(), submissions, objects, failures: counts.failures, failureReasons: reasonsOf(counts), late };
}

async function driveMax(load: PhaseLoad, mode: { backlogObjects: number; concurrency: number }): Promise<LoadResult> {
  const startedAt = Date.now();
  const endAt = startedAt + load.durationMs;
  const counts: Counts = { failures: 0, reasons: new Map() };
  let submissions = 0;
  let objects = 0;
  const worker = async () => {
    while (Date.now() < endAt) {
      if (load.recorder.backlog(load.phase) > mode.backlogObjects) {
        await sleep(10);
        continue;
      }
      const bundle = load.generator.bundle();
      submissions += 1;
      objects += bundle.objects.length;
      await send(load, bundle, Date.now(), counts);
    }
  };
  await Promise.all(Array.from({ length: mode.concurrency }, worker));
  return { startedAt, endedAt: Date.now(), submissions, objects, failures: counts.failures, failureReasons: reasonsOf(counts), late: 0 };
}
