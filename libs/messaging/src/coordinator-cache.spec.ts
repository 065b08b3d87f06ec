import { cachedCoordinatorLookup } from './coordinator-cache';

describe('cachedCoordinatorLookup', () => {
  let now: number;
  let asked: string[];
  let answer: () => Promise<unknown>;
  const clock = () => now;
  const lookup = function (this: object, args: { groupId: string; coordinatorType?: number }) {
    asked.push(`${args.coordinatorType ?? 0}:${args.groupId}`);
    return answer();
  };

  beforeEach(() => {
    now = 0;
    asked = [];
    answer = () => Promise.resolve({ coordinator: { nodeId: 1 } });
  });

  it('asks once per group and coordinator type within the time to live, and again after it', async () => {
    const cached = cachedCoordinatorLookup(lookup, 1_000, clock);
    const client = {};
    await cached.call(client, { groupId: 'g', coordinatorType: 1 });
    now = 999;
    await cached.call(client, { groupId: 'g', coordinatorType: 1 });
    await cached.call(client, { groupId: 'g', coordinatorType: 0 });
    await cached.call(client, { groupId: 'h' });
    expect(asked).toEqual(['1:g', '0:g', '0:h']);
    now = 1_000;
    await cached.call(client, { groupId: 'g', coordinatorType: 1 });
    expect(asked).toEqual(['1:g', '0:g', '0:h', '1:g']);
  });

  it('keeps each client its own answers, and concurrent questions share one request', async () => {
    const cached = cachedCoordinatorLookup(lookup, 1_000, clock);
    const [first, second] = [{}, {}];
    const answers = await Promise.all([cached.call(first, { groupId: 'g' }), cached.call(first, { groupId: 'g' }), cached.call(second, { groupId: 'g' })]);
    expect(asked).toEqual(['0:g', '0:g']);
    expect(answers[0]).toBe(answers[1]);
  });

  it('forgets a failed request at once, so the next call asks again', async () => {
    const cached = cachedCoordinatorLookup(lookup, 1_000, clock);
    const client = {};
    answer = () => Promise.reject(new Error('GROUP_COORDINATOR_NOT_AVAILABLE'));
    await expect(cached.call(client, { groupId: 'g' })).rejects.toThrow('GROUP_COORDINATOR_NOT_AVAILABLE');
    answer = () => Promise.resolve({ coordinator: { nodeId: 2 } });
    await expect(cached.call(client, { groupId: 'g' })).resolves.toEqual({ coordinator: { nodeId: 2 } });
    expect(asked).toEqual(['0:g', '0:g']);
  });
});
