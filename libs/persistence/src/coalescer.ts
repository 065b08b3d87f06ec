export interface CoalescerOptions {
  /** The most calls one batch takes; more in one turn make several batches. */
  readonly maxBatch?: number;
  /**
   * Whether a batch that failed with this error is run again call by call, so that a call whose
   * input the batch's statement refused fails alone, not with the calls it happened to share a
   * statement with. Without it (or when it answers false: the database away), every call fails.
   */
  readonly retryAloneWhen?: (error: unknown) => boolean;
}

interface Call<I, O> {
  readonly input: I;
  readonly resolve: (output: O) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Runs the calls made in one turn of the event loop as one batch call: a stage's records handled
 * side by side, or its after-commit work, each open, seal or destroy one key, and one statement
 * for all of them costs one round trip and one commit instead of one each.
 *
 * `run` answers with one result per input, in input order. When it fails, every call of that
 * batch fails with its error, unless `retryAloneWhen` says to run each on its own.
 */
export class Coalescer<I, O> {
  private pending: Call<I, O>[] = [];
  private scheduled = false;
  private readonly maxBatch: number;
  private readonly retryAloneWhen: (error: unknown) => boolean;

  constructor(
    private readonly run: (inputs: readonly I[]) => Promise<readonly O[]>,
    options: CoalescerOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 500;
    this.retryAloneWhen = options.retryAloneWhen ?? (() => false);
  }

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
      this.runBatch(calls.slice(start, start + this.maxBatch));
    }
  }

  private runBatch(chunk: readonly Call<I, O>[]): void {
    this.run(chunk.map((call) => call.input)).then(
      (outputs) => {
        if (outputs.length !== chunk.length) {
          const error = new Error(`a batch of ${chunk.length} calls answered ${outputs.length} results`);
          chunk.forEach((call) => call.reject(error));
          return;
        }
        chunk.forEach((call, i) => call.resolve(outputs[i]!));
      },
      (error: unknown) => {
        if (chunk.length > 1 && this.retryAloneWhen(error)) {
          chunk.forEach((call) => this.runBatch([call]));
        } else {
          chunk.forEach((call) => call.reject(error));
        }
      },
    );
  }
}
