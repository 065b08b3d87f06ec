/** What readiness needs to know about one consumer group member of this process. */
export interface ConsumerState {
  readonly group: string;
  joined: boolean;
  crashed: boolean;
  /** Last time the consumer fetched (even an empty fetch proves it is alive). */
  lastFetchAt: number | null;
  lastBatchAt: number | null;
}

/** The consumers of this process, read by the health indicator. */
export class ConsumerStateRegistry {
  private readonly states = new Map<string, ConsumerState>();

  register(group: string): ConsumerState {
    const state: ConsumerState = { group, joined: false, crashed: false, lastFetchAt: null, lastBatchAt: null };
    this.states.set(group, state);
    return state;
  }

  all(): ConsumerState[] {
    return [...this.states.values()];
  }
}
