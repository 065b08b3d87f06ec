import { DecisionWait } from './decision-wait';

describe('DecisionWait', () => {
  it('lets a decision wait from its first miss until the limit, then no longer', () => {
    let now = 1_000;
    const wait = new DecisionWait(60_000, () => now);

    expect(wait.mayWait('a')).toBe(true);
    now += 59_999;
    expect(wait.mayWait('a')).toBe(true);
    now += 1;
    expect(wait.mayWait('a')).toBe(false);
  });

  it('starts afresh once a decision is forgotten, and keeps decisions apart', () => {
    let now = 0;
    const wait = new DecisionWait(10, () => now);
    wait.mayWait('a');
    now = 20;
    expect(wait.mayWait('b')).toBe(true);
    wait.forget('a');
    expect(wait.mayWait('a')).toBe(true);
  });
});
