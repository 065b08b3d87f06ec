import { FixedWindowRateLimiter } from './rate-limiter';

describe('FixedWindowRateLimiter', () => {
  it('allows the limit per client and window, then says when to retry', () => {
    const limiter = new FixedWindowRateLimiter(2, 60_000);
    expect(limiter.take('a', 0)).toEqual({ allowed: true });
    expect(limiter.take('a', 1_000)).toEqual({ allowed: true });
    expect(limiter.take('a', 30_000)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(limiter.take('b', 30_000)).toEqual({ allowed: true });
    expect(limiter.take('a', 60_000)).toEqual({ allowed: true });
  });

  it('stays bounded when many clients come by', () => {
    const limiter = new FixedWindowRateLimiter(1, 60_000, 3);
    for (const client of ['a', 'b', 'c', 'd', 'e']) {
      expect(limiter.take(client, 0)).toEqual({ allowed: true });
    }
    expect((limiter as unknown as { windows: Map<string, unknown> }).windows.size).toBeLessThanOrEqual(3);
  });
});
