import { FAILURE_WINDOW_MS, SignInThrottle } from './sign-in-throttle';

const MINUTE = 60_000;

describe('SignInThrottle', () => {
  const limits = { perUsername: 3, perAddress: 5, windowMs: 15 * MINUTE };

  it('refuses a user name after its failures, until the oldest one leaves the window', () => {
    const throttle = new SignInThrottle(limits);
    throttle.failed('jane', '10.0.0.1', 0);
    throttle.failed('jane', '10.0.0.2', 1 * MINUTE);
    expect(throttle.check('jane', '10.0.0.3', 2 * MINUTE)).toEqual({ allowed: true });
    throttle.failed('jane', '10.0.0.3', 2 * MINUTE);
    // From any address, and whatever the case of the name.
    expect(throttle.check('JANE', '10.0.0.9', 3 * MINUTE)).toEqual({ allowed: false, retryAfterSeconds: 12 * 60 });
    expect(throttle.check('john', '10.0.0.9', 3 * MINUTE)).toEqual({ allowed: true });
    expect(throttle.check('jane', '10.0.0.9', 15 * MINUTE - 1)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(throttle.check('jane', '10.0.0.9', 15 * MINUTE)).toEqual({ allowed: true });
  });

  it('refuses an address that guesses many names, but not the same names from elsewhere', () => {
    const throttle = new SignInThrottle(limits);
    for (let i = 0; i < 5; i++) {
      throttle.failed(`user-${i}`, '10.0.0.1', i);
    }
    expect(throttle.check('someone-else', '10.0.0.1', 10)).toMatchObject({ allowed: false });
    expect(throttle.check('user-0', '10.0.0.2', 10)).toEqual({ allowed: true });
  });

  it('clears a user name’s failures on a successful sign-in', () => {
    const throttle = new SignInThrottle(limits);
    throttle.failed('jane', '10.0.0.1', 0);
    throttle.failed('jane', '10.0.0.1', 1);
    throttle.succeeded('jane');
    throttle.failed('jane', '10.0.0.1', 2);
    throttle.failed('jane', '10.0.0.1', 3);
    expect(throttle.check('jane', '10.0.0.2', 4)).toEqual({ allowed: true });
  });

  it('defaults to 10 failures per user name in 15 minutes', () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < 9; i++) {
      throttle.failed('jane', `10.0.0.${i}`, i);
    }
    expect(throttle.check('jane', '10.0.1.1', 10)).toEqual({ allowed: true });
    throttle.failed('jane', '10.0.0.9', 9);
    expect(throttle.check('jane', '10.0.1.1', 10)).toEqual({ allowed: false, retryAfterSeconds: FAILURE_WINDOW_MS / 1000 });
  });

  it('stays bounded when many names come by', () => {
    const throttle = new SignInThrottle(limits, 3);
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      throttle.failed(name, name, 0);
    }
    const sizes = throttle as unknown as { byUsername: { failures: Map<string, unknown> }; byAddress: { failures: Map<string, unknown> } };
    expect(sizes.byUsername.failures.size).toBeLessThanOrEqual(3);
    expect(sizes.byAddress.failures.size).toBeLessThanOrEqual(3);
  });
});
