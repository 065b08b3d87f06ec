import Cluster from 'kafkajs/src/cluster';

/** How long a coordinator a broker named is asked for again from memory. */
export const COORDINATOR_CACHE_MS = 1_000;

type CoordinatorArgs = { groupId: string; coordinatorType?: number };
type CoordinatorLookup<T> = (this: T, args: CoordinatorArgs) => Promise<unknown>;

const WRAPPED = Symbol('ais.coordinatorCache');

/**
 * `lookup`, answering the same group and coordinator type from memory for `ttlMs` after asking,
 * per client (`this`). Concurrent calls share one request; a failed request is forgotten at once.
 */
export function cachedCoordinatorLookup<T extends object>(lookup: CoordinatorLookup<T>, ttlMs = COORDINATOR_CACHE_MS, clock: () => number = Date.now): CoordinatorLookup<T> {
  const caches = new WeakMap<T, Map<string, { at: number; answer: Promise<unknown> }>>();
  return function (this: T, args: CoordinatorArgs) {
    let cache = caches.get(this);
    if (cache === undefined) {
      cache = new Map();
      caches.set(this, cache);
    }
    const key = `${args.coordinatorType ?? 0}:${args.groupId}`;
    const kept = cache.get(key);
    if (kept !== undefined && clock() - kept.at < ttlMs) {
      return kept.answer;
    }
    const answer = lookup.call(this, args);
    const entry = { at: clock(), answer };
    cache.set(key, entry);
    answer.catch(() => {
      if (cache.get(key) === entry) {
        cache.delete(key);
      }
    });
    return answer;
  };
}

/**
 * kafkajs 2.2.4 sends FindCoordinator every time it needs a coordinator, and a read-process-write
 * transaction needs one four times (AddPartitionsToTxn, AddOffsetsToTxn, TxnOffsetCommit, EndTxn):
 * 4 of its 9 round trips (bench/pipeline-throughput.ts). Its clients now ask once a second per
 * group. A coordinator that moved answers NOT_COORDINATOR meanwhile: kafkajs retries (with backoff,
 * past the second) and a stage whose transaction fails drops its producer, whose successor asks afresh.
 * Installed once per process, for every client: the consumers' joins ask the same question.
 */
export function cacheCoordinatorLookups(): void {
  const prototype = Cluster.prototype as typeof Cluster.prototype & { [WRAPPED]?: true };
  if (prototype[WRAPPED] === true) {
    return;
  }
  prototype.findGroupCoordinatorMetadata = cachedCoordinatorLookup(prototype.findGroupCoordinatorMetadata);
  prototype[WRAPPED] = true;
}
