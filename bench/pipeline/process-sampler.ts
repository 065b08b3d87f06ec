/**
 * CPU and memory of named processes during a benchmark phase, from /proc (Linux only): CPU as
 * the share of one core used between the first and the last sample (utime + stime of the
 * process, and of its descendants for PostgreSQL, whose work is done by backend processes), memory
 * as the median and peak resident set (VmRSS) over samples.
 */
import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

export interface ProcessUsage {
  readonly name: string;
  /** Cores used on average (1.0 = one core busy all the time). */
  readonly cpuCores: number;
  readonly rssMedianMiB: number;
  readonly rssPeakMiB: number;
}

interface Sample {
  readonly at: number;
  /** CPU ticks of each process of the family: ones that start later count from zero. */
  readonly ticks: ReadonlyMap<number, number>;
  readonly rssKiB: number;
}

function statOf(pid: number): { ticks: number; ppid: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

function rssKiBOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match === null ? 0 : Number(match[1]);
  } catch {
    return 0;
  }
}

/** The process and, when asked, every live descendant (PostgreSQL backends, Kafka has none). */
function familyOf(root: number, withChildren: boolean): number[] {
  if (!withChildren) {
    return [root];
  }
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (Number.isInteger(pid)) {
      const stat = statOf(pid);
      if (stat !== null) {
        parents.set(pid, stat.ppid);
      }
    }
  }
  const family = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!family.has(pid) && family.has(ppid)) {
        family.add(pid);
        grew = true;
      }
    }
  }
  return [...family];
}

export interface SampledProcess {
  readonly name: string;
  readonly pid: () => number | undefined;
  /** Count descendants too (PostgreSQL). */
  readonly withChildren?: boolean;
}

export class ProcessSampler {
  private readonly samples = new Map<string, Sample[]>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly processes: readonly SampledProcess[],
    private readonly intervalMs = 1_000,
  ) {}

  start(): void {
    this.samples.clear();
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
  }

  stop(): ProcessUsage[] {
    if (this.timer !== null) {
      clearInterval(this.timer);
      this.timer = null;
    }
    this.sample();
    return this.processes.map(({ name }) => usageOf(name, this.samples.get(name) ?? []));
  }

  private sample(): void {
    const at = Date.now();
    for (const { name, pid, withChildren } of this.processes) {
      const root = pid();
      if (root === undefined) {
        continue;
      }
      const ticks = new Map<number, number>();
      let rssKiB = 0;
      for (const member of familyOf(root, withChildren === true)) {
        ticks.set(member, statOf(member)?.ticks ?? 0);
        rssKiB += rssKiBOf(member);
      }
      const list = this.samples.get(name) ?? [];
      list.push({ at, ticks, rssKiB });
      this.samples.set(name, list);
    }
  }
}

function usageOf(name: string, samples: readonly Sample[]): ProcessUsage {
  if (samples.length < 2) {
    return { name, cpuCores: 0, rssMedianMiB: 0, rssPeakMiB: 0 };
  }
  const first = samples[0]!;
  const last = samples[samples.length - 1]!;
  const seconds = (last.at - first.at) / 1000;
  // Per process, so that backends that exit meanwhile (taking their ticks) do not subtract.
  let ticks = 0;
  for (const [pid, end] of last.ticks) {
    ticks += Math.max(0, end - (first.ticks.get(pid) ?? 0));
  }
  const cpuCores = seconds > 0 ? ticks / CLOCK_TICKS_PER_SECOND / seconds : 0;
  const rss = samples.map((sample) => sample.rssKiB).sort((left, right) => left - right);
  return { name, cpuCores, rssMedianMiB: rss[Math.floor(rss.length / 2)]! / 1024, rssPeakMiB: rss[rss.length - 1]! / 1024 };
}

/** The pid in a pid file (scripts/kafka.sh, PostgreSQL's postmaster.pid: first line), if readable. */
export function pidFromFile(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
