import { AdjustableClock, type Clock } from './clock';

describe('AdjustableClock', () => {
  const fixed: Clock = { now: () => new Date('2026-11-01T12:00:00.000Z') };

  it('reads the underlying clock until advanced, then runs ahead of it', () => {
    const clock = new AdjustableClock(fixed);
    expect(clock.now().toISOString()).toBe('2026-11-01T12:00:00.000Z');
    clock.advance(14 * 24 * 60 * 60 * 1000);
    clock.advance(1_000);
    expect(clock.now().toISOString()).toBe('2026-11-15T12:00:01.000Z');
    expect(clock.offset).toBe(14 * 24 * 60 * 60 * 1000 + 1_000);
  });

  it('never moves backwards', () => {
    expect(() => new AdjustableClock(fixed).advance(-1)).toThrow(RangeError);
  });
});
