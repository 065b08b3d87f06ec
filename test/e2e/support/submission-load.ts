import { indicator, malware } from './stix-fixtures';

const TAXII = 'application/taxii+json;version=2.1';

/** What the system should do with each object of a bundle. */
export type Expected = 'published' | 'rejected';

export interface SubmittedBundle {
  readonly objects: readonly Record<string, unknown>[];
  readonly expected: Expected;
  /** The status resource of the POST that got its 202 (earlier attempts failed or went unanswered). */
  statusId?: string;
  attempts: number;
}

export interface SubmissionLoadOptions {
  readonly url: string;
  readonly authorization: string;
  /** Stops sending new bundles once this many objects were accepted. */
  readonly maxObjects: number;
  /** Pause between two POSTs. */
  readonly paceMs: number;
  /** Gives up on one bundle after retrying it this long (the test then fails). */
  readonly retryForMs: number;
}

/** A description naming a victim: pii-filter withholds it for review and publishes the rest. */
const VICTIM_TEXT = 'Phishing mail received by jane.doe@victim-corp.com in our finance team.';

/**
 * A TAXII client submitting continuously: valid bundles, objects with a withheld field, objects
 * the AIS Profile rejects (no TLP marking) and new versions of objects it sent earlier. As a
 * TAXII client would, it sends the same bundle again after a connection error or a 5xx and moves
 * on only after a 202; anything else (a 4xx) is recorded as a failure.
 */
export class SubmissionLoad {
  readonly bundles: SubmittedBundle[] = [];
  readonly failures: string[] = [];
  /** Times of accepted POSTs (ms since epoch), to see the load make progress after a fault. */
  readonly acceptedAt: number[] = [];
  private stopped = false;
  private running: Promise<void> | null = null;

  constructor(private readonly options: SubmissionLoadOptions) {}

  get objectCount(): number {
    return this.bundles.reduce((sum, bundle) => sum + bundle.objects.length, 0);
  }

  get retries(): number {
    return this.bundles.reduce((sum, bundle) => sum + bundle.attempts - 1, 0);
  }

  acceptedSince(time: number): number {
    return this.acceptedAt.filter((at) => at >= time).length;
  }

  start(): void {
    this.running = this.loop();
  }

  /** Lets the bundle in flight finish (with its retries), then resolves. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async loop(): Promise<void> {
    for (let i = 0; !this.stopped && this.objectCount < this.options.maxObjects; i++) {
      const bundle = this.next(i);
      this.bundles.push(bundle);
      await this.submit(bundle);
      await new Promise((resolve) => setTimeout(resolve, this.options.paceMs));
    }
  }

  private next(i: number): SubmittedBundle {
    const published = (objects: Record<string, unknown>[]): SubmittedBundle => ({ objects, expected: 'published', attempts: 0 });
    switch (i % 6) {
      case 0:
        return published([indicator(), malware()]);
      case 2:
        return published([{ ...indicator(), description: VICTIM_TEXT }]);
      case 3:
        return published([indicator(), indicator()]);
      case 4: {
        const unmarked = indicator();
        delete unmarked.object_marking_refs;
        return { objects: [unmarked], expected: 'rejected', attempts: 0 };
      }
      case 5:
        return published([this.newVersionOf(this.bundles[i - 4]!.objects[0]!)]);
      default:
        return published([indicator()]);
    }
  }

  /** The same object with a later `modified`: a new version of it. */
  private newVersionOf(earlier: Record<string, unknown>): Record<string, unknown> {
    const modified = new Date(Math.max(Date.now(), Date.parse(earlier.modified as string) + 1)).toISOString();
    return { ...earlier, modified, name: 'Scanning host (revised)' };
  }

  private async submit(bundle: SubmittedBundle): Promise<void> {
    const body = JSON.stringify({ objects: bundle.objects });
    const deadline = Date.now() + this.options.retryForMs;
    for (;;) {
      bundle.attempts += 1;
      let outcome: string;
      try {
        const response = await fetch(this.options.url, {
          method: 'POST',
          headers: { authorization: this.options.authorization, accept: TAXII, 'content-type': TAXII },
          body,
          signal: AbortSignal.timeout(30_000),
        });
        const text = await response.text();
        if (response.status === 202) {
          bundle.statusId = (JSON.parse(text) as { id: string }).id;
          this.acceptedAt.push(Date.now());
          return;
        }
        if (response.status < 500) {
          this.failures.push(`bundle ${this.bundles.indexOf(bundle)}: HTTP ${response.status} ${text.slice(0, 300)}`);
          return;
        }
        outcome = `HTTP ${response.status}`;
      } catch (error) {
        outcome = error instanceof Error ? error.name : 'error';
      }
      if (Date.now() > deadline) {
        this.failures.push(`bundle ${this.bundles.indexOf(bundle)}: no 202 after ${bundle.attempts} attempts (last: ${outcome})`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(250 * bundle.attempts, 1_000)));
    }
  }
}
