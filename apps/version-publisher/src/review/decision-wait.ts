/** How long a decision may wait for the version it names to be known, before it is dead-lettered. */
export const DEFAULT_DECISION_WAIT_MS = 60_000;

/**
 * The bounded wait for a review decision that arrives before the version it applies to is known
 * (the repository projection and this stage read different topics, so either may run ahead).
 * Each attempt that finds the version missing asks how long the decision has waited since its
 * first such attempt in this process: under the limit it is retried (the stage backs off, then
 * redoes the batch), past it the decision is dead-lettered.
 */
export class DecisionWait {
  private readonly firstMissed = new Map<string, number>();

  constructor(
    private readonly limitMs: number,
    private readonly now: () => number,
  ) {}

  /** True while the decision may wait longer; records the first miss. */
  mayWait(eventId: string): boolean {
    const now = this.now();
    this.sweep(now);
    const first = this.firstMissed.get(eventId);
    if (first === undefined) {
      this.firstMissed.set(eventId, now);
      return true;
    }
    return now - first < this.limitMs;
  }

  forget(eventId: string): void {
    this.firstMissed.delete(eventId);
  }

  /** Entries of decisions this process stopped seeing (partition moved to another member). */
  private sweep(now: number): void {
    for (const [eventId, first] of this.firstMissed) {
      if (now - first > 10 * this.limitMs) {
        this.firstMissed.delete(eventId);
      }
    }
  }
}
