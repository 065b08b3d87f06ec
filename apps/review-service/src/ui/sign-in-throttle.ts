/** Failed sign-ins a user name may have in the window before it is refused (429) until the window ends. */
export const MAX_FAILURES_PER_USERNAME = 10;
/** Higher for an address: many analysts may share one behind a NAT, and one guesser is caught per name anyway. */
export const MAX_FAILURES_PER_ADDRESS = 30;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

export type ThrottleDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * Password guessing at the analyst sign-in form: failures are counted per user name and per client
 * address over a sliding window; past the limit of either, sign-in is refused (429) before the
 * password is checked, until the oldest counted failure leaves the window. A successful sign-in
 * clears the user name's failures. In process memory, per replica (like ingest-gateway's form
 * limiter); the tables are bounded so that a flood of names cannot grow them without end.
 */
export class SignInThrottle {
  private readonly byUsername: FailureLog;
  private readonly byAddress: FailureLog;

  constructor(
    limits: { readonly perUsername: number; readonly perAddress: number; readonly windowMs: number } = {
      perUsername: MAX_FAILURES_PER_USERNAME,
      perAddress: MAX_FAILURES_PER_ADDRESS,
      windowMs: FAILURE_WINDOW_MS,
    },
    maxKeys = 50_000,
  ) {
    this.byUsername = new FailureLog(limits.perUsername, limits.windowMs, maxKeys);
    this.byAddress = new FailureLog(limits.perAddress, limits.windowMs, maxKeys);
  }

  /** Whether this attempt may be checked at all. */
  check(username: string, address: string, now: number): ThrottleDecision {
    const wait = Math.max(this.byUsername.blockedFor(normalize(username), now), this.byAddress.blockedFor(address, now));
    return wait === 0 ? { allowed: true } : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
  }

  failed(username: string, address: string, now: number): void {
    this.byUsername.add(normalize(username), now);
    this.byAddress.add(address, now);
  }

  succeeded(username: string): void {
    this.byUsername.clear(normalize(username));
  }
}

/** User names are matched case-insensitively by people; count them so too. */
function normalize(username: string): string {
  return username.trim().toLowerCase();
}

/** Failure times per key, oldest first, within the window. */
class FailureLog {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys: number,
  ) {}

  /** Milliseconds until the key may try again; 0 when it may now. */
  blockedFor(key: string, now: number): number {
    const times = this.recent(key, now);
    if (times.length < this.limit) {
      return 0;
    }
    return times[times.length - this.limit]! + this.windowMs - now;
  }

  add(key: string, now: number): void {
    const times = this.recent(key, now);
    if (times.length === 0 && this.failures.size >= this.maxKeys) {
      this.prune(now);
    }
    // Only the last `limit` failures decide a block: older ones need not be kept.
    this.failures.set(key, [...times, now].slice(-this.limit));
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (times.length === 0) {
      this.failures.delete(key);
    }
    return times;
  }

  private prune(now: number): void {
    for (const key of [...this.failures.keys()]) {
      this.recent(key, now);
    }
    // Still full of live keys: forget the oldest entry rather than grow without bound.
    if (this.failures.size >= this.maxKeys) {
      const oldest = this.failures.keys().next();
      if (oldest.done !== true) {
        this.failures.delete(oldest.value);
      }
    }
  }
}
