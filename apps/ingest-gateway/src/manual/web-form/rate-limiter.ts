export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * A fixed window per client address, in memory: enough to blunt a script hammering the public
 * form from one address. Per process (each replica counts on its own); the table is bounded.
 */
export class FixedWindowRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly maxClients = 100_000,
  ) {}

  take(client: string, now: number): RateDecision {
    let window = this.windows.get(client);
    if (window === undefined || now - window.start >= this.windowMs) {
      if (window === undefined && this.windows.size >= this.maxClients) {
        this.prune(now);
      }
      window = { start: now, count: 0 };
      this.windows.set(client, window);
    }
    if (window.count >= this.limit) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000)) };
    }
    window.count += 1;
    return { allowed: true };
  }

  private prune(now: number): void {
    for (const [client, window] of this.windows) {
      if (now - window.start >= this.windowMs) {
        this.windows.delete(client);
      }
    }
    // Still full of live windows: forget the oldest rather than grow without bound.
    if (this.windows.size >= this.maxClients) {
      const oldest = this.windows.keys().next();
      if (oldest.done !== true) {
        this.windows.delete(oldest.value);
      }
    }
  }
}
