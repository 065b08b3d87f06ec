import { Coalescer } from './coalescer';

describe('Coalescer', () => {
  it('runs the calls of one turn as one batch and answers each with its own result', async () => {
    const batches: number[][] = [];
    const doubler = new Coalescer<number, number>((inputs) => {
      batches.push([...inputs]);
      return Promise.resolve(inputs.map((n) => n * 2));
    });
    const results = await Promise.all([1, 2, 3].map((n) => doubler.submit(n)));
    expect(results).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
    expect(await doubler.submit(5)).toBe(10);
    expect(batches).toEqual([[1, 2, 3], [5]]);
  });

  it('splits a large turn into batches of at most the limit', async () => {
    const sizes: number[] = [];
    const echo = new Coalescer<number, number>((inputs) => {
      sizes.push(inputs.length);
      return Promise.resolve([...inputs]);
    }, { maxBatch: 4 });
    const inputs = Array.from({ length: 10 }, (_, i) => i);
    expect(await Promise.all(inputs.map((n) => echo.submit(n)))).toEqual(inputs);
    expect(sizes).toEqual([4, 4, 2]);
  });

  it('fails every call of a batch that failed, and the next batch runs afresh', async () => {
    let fail = true;
    const flaky = new Coalescer<string, string>((inputs) => (fail ? Promise.reject(new Error('connection lost')) : Promise.resolve([...inputs])));
    const failed = await Promise.allSettled([flaky.submit('a'), flaky.submit('b')]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await flaky.submit('c')).toBe('c');
  });

  it('runs each call of a refused batch on its own when told to, so only the refused input fails', async () => {
    const batches: string[][] = [];
    const refusing = new Coalescer<string, string>(
      (inputs) => {
        batches.push([...inputs]);
        return inputs.includes('bad') ? Promise.reject(new RefusedError()) : Promise.resolve(inputs.map((s) => s.toUpperCase()));
      },
      { retryAloneWhen: (error) => error instanceof RefusedError },
    );
    const results = await Promise.allSettled(['a', 'bad', 'c'].map((s) => refusing.submit(s)));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : r.reason instanceof RefusedError))).toEqual(['A', true, 'C']);
    expect(batches).toEqual([['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
  });

  it('fails every call at once when the error is not one to retry alone', async () => {
    let runs = 0;
    const away = new Coalescer<string, string>(
      () => {
        runs += 1;
        return Promise.reject(new Error('connection lost'));
      },
      { retryAloneWhen: (error) => error instanceof RefusedError },
    );
    const results = await Promise.allSettled([away.submit('a'), away.submit('b')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(runs).toBe(1);
  });

  it('fails the calls when the batch answers a different number of results', async () => {
    const short = new Coalescer<number, number>(() => Promise.resolve([1]));
    await expect(Promise.all([short.submit(1), short.submit(2)])).rejects.toThrow('a batch of 2 calls answered 1 results');
  });
});

class RefusedError extends Error {}
