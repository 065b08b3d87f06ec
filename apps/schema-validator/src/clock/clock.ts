/** Where the change-control board reads the time: the 14-day windows close on it. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/**
 * The system clock plus an offset that only moves forward: with `AIS_TEST_CLOCK=1`, tests close a
 * two-week objection window by advancing it, without waiting and without touching the host clock.
 */
export class AdjustableClock implements Clock {
  private offsetMs = 0;

  constructor(private readonly system: Clock = new SystemClock()) {}

  now(): Date {
    return new Date(this.system.now().getTime() + this.offsetMs);
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError('the clock only moves forward');
    }
    this.offsetMs += ms;
  }

  get offset(): number {
    return this.offsetMs;
  }
}
