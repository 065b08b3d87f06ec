/**
 * Where the time goes, per consumer group, from the services' own /metrics between two scrapes:
 * batches (one Kafka transaction each, for a stage), records consumed, mean batch size and the
 * mean time a batch took to process and commit.
 */
export interface GroupFigures {
  readonly group: string;
  readonly batches: number;
  readonly records: number;
  readonly meanBatchSize: number;
  readonly meanBatchMs: number;
  /** Share of the phase the group spent inside batches (above 1: partitions in parallel). */
  readonly busy: number;
}

type Totals = Map<string, { batches: number; seconds: number; records: number }>;

const SAMPLE = /^(ais_batch_duration_seconds_count|ais_batch_duration_seconds_sum|ais_events_consumed_total)\{([^}]*)\}\s+([0-9.eE+-]+)$/;

function groupOf(labels: string): string | undefined {
  return /group="([^"]+)"/.exec(labels)?.[1];
}

export async function scrapeGroups(urls: readonly string[]): Promise<Totals> {
  const totals: Totals = new Map();
  for (const url of urls) {
    let text: string;
    try {
      text = await (await fetch(url, { signal: AbortSignal.timeout(5_000) })).text();
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      const match = SAMPLE.exec(line);
      const group = match === null ? undefined : groupOf(match[2]!);
      if (match === null || group === undefined) {
        continue;
      }
      const entry = totals.get(group) ?? { batches: 0, seconds: 0, records: 0 };
      const value = Number(match[3]);
      if (match[1] === 'ais_batch_duration_seconds_count') {
        entry.batches += value;
      } else if (match[1] === 'ais_batch_duration_seconds_sum') {
        entry.seconds += value;
      } else {
        entry.records += value;
      }
      totals.set(group, entry);
    }
  }
  return totals;
}

export function groupFigures(before: Totals, after: Totals, phaseSeconds: number): GroupFigures[] {
  return [...after]
    .map(([group, end]) => {
      const start = before.get(group) ?? { batches: 0, seconds: 0, records: 0 };
      const batches = end.batches - start.batches;
      const records = end.records - start.records;
      const seconds = end.seconds - start.seconds;
      return {
        group,
        batches,
        records,
        meanBatchSize: batches > 0 ? records / batches : 0,
        meanBatchMs: batches > 0 ? (seconds / batches) * 1000 : 0,
        busy: phaseSeconds > 0 ? seconds / phaseSeconds : 0,
      };
    })
    .filter((figures) => figures.batches > 0)
    .sort((left, right) => left.group.localeCompare(right.group));
}
