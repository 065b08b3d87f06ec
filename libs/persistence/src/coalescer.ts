/**
 * Runs the calls made in one turn of the event loop as one batch call: a stage's records handled
 * side by side, or its after-commit work, each open, seal or destroy one key, and one statement
 * for all of them costs one round trip and one commit instead of one each.
 *
 * `run` answers with one result per input, in input order. When it fails, every call of that
 * batch fails with its error.
 */
export class Coalescer<I, O> {
  private pending: { input: I; resolve: (output: O) => void; reject: (error: unknown) => void }[] = [];
  private scheduled = false;

  constructor(
    private readonly run: (inputs: readonly I[]) => Promise<readonly O[]>,
    private readonly maxBatch = 500,
  ) {}

  submit(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ input, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const calls = this.pending;
    this.pending = [];
    for (let start = 0; start < calls.length; start += this.maxBatch) {
      const chunk = calls.slice(start, start + this.maxBatch);
      this.run(chunk.map((call) => call.input)).then(
        (outputs) => {
          if (outputs.length !== chunk.length) {
            const error = new Error(`a batch of ${chunk.length} calls answered ${outputs.length} results`);
            chunk.forEach((call) => call.reject(error));
            return;
          }
          chunk.forEach((call, i) => call.resolve(outputs[i]!));
        },
        (error: unknown) => chunk.forEach((call) => call.reject(error)),
      );
    }
  }
}
