/**
 * When each posted object came out at the end: submissions are registered with the time their
 * POST was due (scheduled, so a slow server cannot hide its own delay), arrivals are timestamped
 * when the subscriber's fetch hands them over. Only the first version of an object counts.
 */
import { createKafka, groupConsumerConfig } from '@ais/messaging';
import type { Consumer, KafkaMessage } from 'kafkajs';

interface Submission {
  readonly phase: string;
  readonly sentAt: number;
  /** Ids of the posted objects not yet arrived; empty for the baseline, which counts. */
  readonly waiting: Set<string>;
}

export interface Arrival {
  readonly phase: string;
  readonly sentAt: number;
  readonly arrivedAt: number;
  readonly objects: number;
}

type Early = { readonly at: number; readonly objectId?: string; readonly objectType?: string; readonly objects: number };

export class ArrivalRecorder {
  private readonly submissions = new Map<string, Submission>();
  /** Arrivals that beat their POST's answer: kept until the submission is registered. */
  private readonly early = new Map<string, Early[]>();
  readonly arrivals: Arrival[] = [];
  /** Objects posted and arrived, per phase: a phase's backlog is its own, not what earlier ones left. */
  private readonly posted = new Map<string, number>();
  private readonly delivered = new Map<string, number>();
  /** Published objects that no bundle held (the anonymizer's identity, location, relationship). */
  added = 0;
  lastArrivalAt = 0;

  /** `objectIds`: the posted ids, matched against arrivals; omit to count arrivals (baseline). */
  register(submissionId: string, phase: string, sentAt: number, objects: number, objectIds: readonly string[] = []): void {
    const submission: Submission = { phase, sentAt, waiting: new Set(objectIds) };
    this.submissions.set(submissionId, submission);
    this.posted.set(phase, (this.posted.get(phase) ?? 0) + objects);
    for (const early of this.early.get(submissionId) ?? []) {
      this.record(submission, early.at, early.objects, early.objectId, early.objectType);
    }
    this.early.delete(submissionId);
  }

  /** An object (`objectId`: the id it was posted with) or `objects` objects of a submission arrived. */
  arrive(submissionId: string, at: number, arrival: { objectId?: string; objectType?: string; objects?: number }): void {
    this.lastArrivalAt = at;
    const submission = this.submissions.get(submissionId);
    const objects = arrival.objects ?? 1;
    if (submission === undefined) {
      this.early.set(submissionId, [...(this.early.get(submissionId) ?? []), { at, objectId: arrival.objectId, objectType: arrival.objectType, objects }]);
      return;
    }
    this.record(submission, at, objects, arrival.objectId, arrival.objectType);
  }

  /** The submitter's identity comes out as a fresh anonymous identity (§2.3.1.3): it counts as that. */
  private replaceIdentity(submission: Submission): boolean {
    for (const id of submission.waiting) {
      if (id.startsWith('identity--')) {
        submission.waiting.delete(id);
        return true;
      }
    }
    return false;
  }

  /** Objects of the phase posted and not yet arrived (what the pipeline holds of it). */
  backlog(phase: string): number {
    return (this.posted.get(phase) ?? 0) - (this.delivered.get(phase) ?? 0);
  }

  private record(submission: Submission, at: number, objects: number, objectId: string | undefined, objectType: string | undefined): void {
    if (objectId !== undefined && !submission.waiting.delete(objectId) && !(objectType === 'identity' && this.replaceIdentity(submission))) {
      this.added += 1;
      return;
    }
    this.delivered.set(submission.phase, (this.delivered.get(submission.phase) ?? 0) + objects);
    this.arrivals.push({ phase: submission.phase, sentAt: submission.sentAt, arrivedAt: at, objects });
  }
}

/** Reads one topic from the start, read-committed, as a federal subscriber would. */
export class TopicSubscriber {
  private consumer: Consumer | null = null;

  constructor(
    private readonly brokers: readonly string[],
    private readonly topic: string,
    private readonly groupId: string,
    private readonly onMessage: (message: KafkaMessage, at: number) => void,
  ) {}

  async start(): Promise<void> {
    const kafka = createKafka({ brokers: this.brokers, clientId: 'bench-subscriber' });
    const consumer = kafka.consumer(groupConsumerConfig(this.groupId));
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [this.topic], fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: 3,
      eachBatch: async ({ batch }) => {
        const at = Date.now();
        for (const message of batch.messages) {
          this.onMessage(message, at);
        }
        await Promise.resolve();
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = null;
  }
}

/**
 * `ais.dissemination.published`: one IndicatorPublished per object version. The first version of
 * each posted object counts, under the id it was posted with (`sourceObjectId`).
 */
export function publishedObjectsTo(recorder: ArrivalRecorder): (message: KafkaMessage, at: number) => void {
  const seen = new Set<string>();
  return (message, at) => {
    if (message.value === null) {
      return;
    }
    const event = JSON.parse(message.value.toString('utf8')) as {
      type?: string;
      data?: { objectId?: string; sourceObjectId?: string; submissionId?: string; object?: { type?: string } };
    };
    const objectId = event.data?.objectId;
    const submissionId = event.data?.submissionId;
    if (event.type !== 'IndicatorPublished' || objectId === undefined || submissionId === undefined || seen.has(objectId)) {
      return;
    }
    seen.add(objectId);
    recorder.arrive(submissionId, at, { objectId: event.data?.sourceObjectId ?? objectId, objectType: event.data?.object?.type });
  };
}

/** The baseline's last topic: one record per bundle, the submission id and object count in headers. */
export function baselineBundlesTo(recorder: ArrivalRecorder): (message: KafkaMessage, at: number) => void {
  return (message, at) => {
    const id = message.headers?.[BASELINE_HEADERS.submissionId]?.toString();
    const objects = Number(message.headers?.[BASELINE_HEADERS.objects]?.toString() ?? '0');
    if (id !== undefined) {
      recorder.arrive(id, at, { objects });
    }
  };
}

export const BASELINE_HEADERS = { submissionId: 'bench-submission-id', objects: 'bench-object-count' } as const;
