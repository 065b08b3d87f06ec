import type { AnyEvent } from '@ais/contracts';
import type { EachBatchPayload, KafkaMessage, Message, Producer, ProducerConfig, TopicMessages, Transaction } from 'kafkajs';
import { javaCompatiblePartitioner } from './java-compatible-partitioner';
import { IMMEDIATE_FETCH, KafkaConsumerServer, type ConsumerServerOptions, type FetchSettings, type RecordOutcome } from './consumer-server.base';
import { buildDeadLetter } from './dead-letter';
import { toTopicMessages, topicOf } from './event-codec';
import { errorClassOf } from './errors';
import { splitIntoSends } from './send-size';

/** What a stage handler receives besides the event. */
export interface StageContext {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly receivedAt: Date;
  /**
   * Work to do once the batch's transaction has committed, such as destroying a data key: it
   * must not happen for output that a crash would roll back. Failures are logged, not retried.
   */
  afterCommit(work: () => Promise<void>): void;
}

/** A stage handler returns the events its input causes; the transport writes them. */
export type StageResult = readonly AnyEvent[];

const CONCURRENT_TRANSACTIONS = 'CONCURRENT_TRANSACTIONS';

/**
 * Runs a pipeline stage as read-process-write: for each batch of one partition, the outputs,
 * any dead letters and the consumed offsets are committed in one Kafka transaction, so a crash at
 * any point neither loses nor duplicates a stage's output (consumers read committed only).
 *
 * kafkajs has no KIP-447 fencing by group generation, so each input partition gets its own
 * transactional producer (`<group>-<topic>-<partition>`): a restarted or reassigned member fences
 * the zombie that held the partition before.
 */
export class KafkaStageServer extends KafkaConsumerServer {
  private readonly producers = new Map<string, Promise<Producer>>();

  constructor(options: ConsumerServerOptions) {
    super(options);
  }

  protected autoCommit(): boolean {
    return false;
  }

  protected fetchSettings(): FetchSettings {
    return this.options.fetch ?? IMMEDIATE_FETCH;
  }

  protected async processBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const heartbeat = () => payload.heartbeat();
    const afterCommit: (() => Promise<void>)[] = [];
    const outcomes = await this.handleRecords(payload, (message) => ({
      topic: batch.topic,
      partition: batch.partition,
      offset: message.offset,
      receivedAt: this.clock(),
      afterCommit: (work) => afterCommit.push(work),
    }));
    const outputs: AnyEvent[] = [];
    const deadLetters: { topic: string; message: Message }[] = [];
    const deadLetterCodes: string[] = [];
    let lastOffset: string | null = null;
    // In record order, up to the first record not handled (the consumer stopped): that prefix commits.
    for (const [index, outcome] of outcomes.entries()) {
      const message = batch.messages[index]!;
      if (outcome.kind === 'handled') {
        outputs.push(...asEvents(outcome.result));
      } else if (outcome.kind === 'dead-letter') {
        deadLetters.push(buildDeadLetter(message, { topic: batch.topic, partition: batch.partition, group: this.kafkaGroupId }, outcome.cause, this.clock()));
        deadLetterCodes.push(outcome.cause.code);
      }
      lastOffset = message.offset;
    }
    if (lastOffset === null) {
      return;
    }
    await this.commitTransaction(batch.topic, batch.partition, lastOffset, outputs, deadLetters);
    payload.resolveOffset(lastOffset);
    this.recordLag(payload, lastOffset);
    // Side by side: the records' work of one kind (destroying their data keys) can share a round trip.
    await Promise.all(afterCommit.map((work) => work().catch((error: unknown) => this.logger.warn(`after-commit work failed (${errorClassOf(error)})`))));
    for (const event of outputs) {
      this.metrics.produced.inc({ topic: topicOf(event), type: event.type });
    }
    for (const code of deadLetterCodes) {
      this.metrics.deadLettered.inc({ group: this.group, topic: batch.topic, code });
    }
    await heartbeat();
  }

  /**
   * Handles the batch's records, `recordConcurrency` at a time (records whose handlers share no
   * rows: their database round trips overlap instead of queuing). Returns the outcomes of the
   * records handled before the consumer stopped, in record order; a failure stops the others.
   */
  private async handleRecords(payload: EachBatchPayload, contextOf: (message: KafkaMessage) => StageContext): Promise<RecordOutcome[]> {
    const { batch } = payload;
    const outcomes: (RecordOutcome | undefined)[] = [];
    let next = 0;
    let failed = false;
    const work = async () => {
      while (next < batch.messages.length && !failed && payload.isRunning() && !payload.isStale()) {
        const index = next++;
        const message = batch.messages[index]!;
        try {
          outcomes[index] = await this.handleRecord(message, batch.topic, contextOf(message), () => payload.heartbeat());
          // Sent only when the interval is due. Without it a batch longer than the session timeout
          // (slow handlers, a loaded machine) gets the member expired and the whole group rebalanced.
          await payload.heartbeat();
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    };
    const workers = Math.max(1, Math.min(this.options.recordConcurrency ?? 1, batch.messages.length));
    await Promise.all(Array.from({ length: workers }, work));
    const handled = outcomes.findIndex((outcome) => outcome === undefined);
    return (handled === -1 ? outcomes : outcomes.slice(0, handled)) as RecordOutcome[];
  }

  protected override async onAssignment(assignment: Record<string, number[]>): Promise<void> {
    const assigned = new Set(Object.entries(assignment).flatMap(([topic, partitions]) => partitions.map((p) => `${topic}:${p}`)));
    for (const [key, producer] of [...this.producers]) {
      if (!assigned.has(key)) {
        this.producers.delete(key);
        await (await producer).disconnect();
      }
    }
  }

  protected async afterClose(): Promise<void> {
    const producers = [...this.producers.values()];
    this.producers.clear();
    await Promise.allSettled(producers.map(async (producer) => (await producer).disconnect()));
  }

  private async commitTransaction(
    topic: string,
    partition: number,
    lastOffset: string,
    outputs: readonly AnyEvent[],
    deadLetters: readonly { topic: string; message: Message }[],
  ): Promise<void> {
    const producer = await this.producerFor(topic, partition);
    const topicMessages = [...toTopicMessages(outputs, this.topicPrefix), ...deadLetters.map((d) => ({ topic: d.topic, messages: [d.message] }))];
    try {
      await commitReadProcessWrite(producer, { consumerGroupId: this.kafkaGroupId, topic, partition, lastOffset, topicMessages }, (abortError) =>
        this.logger.warn(`abort failed (${errorClassOf(abortError)})`),
      );
    } catch (error) {
      // A producer whose transaction failed may be fenced or confused; start afresh next batch.
      this.producers.delete(`${topic}:${partition}`);
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  private producerFor(topic: string, partition: number): Promise<Producer> {
    const key = `${topic}:${partition}`;
    let producer = this.producers.get(key);
    if (producer === undefined) {
      producer = this.connectProducer(`${this.kafkaGroupId}-${topic}-${partition}`);
      this.producers.set(key, producer);
      producer.catch(() => this.producers.delete(key));
    }
    return producer;
  }

  private async connectProducer(transactionalId: string): Promise<Producer> {
    const producer = this.options.kafka.producer(stageProducerConfig(transactionalId));
    await producer.connect();
    return producer;
  }
}

/**
 * The transactional producer of one input partition of a stage; exported so that the raw-Kafka
 * baseline of `bench/pipeline-throughput.ts` measures the same client and transaction settings.
 */
export function stageProducerConfig(transactionalId: string): ProducerConfig {
  return {
    transactionalId,
    idempotent: true,
    maxInFlightRequests: 1,
    transactionTimeout: 60_000,
    allowAutoTopicCreation: false,
    createPartitioner: javaCompatiblePartitioner,
    // The next transaction's AddPartitionsToTxn answers CONCURRENT_TRANSACTIONS until the broker
    // has written the last commit's markers, a few ms. Without the coordinator lookups that used
    // to fill that gap (coordinator-cache.ts), a 20 ms retry halved back-to-back transactions
    // (43-69 against 81-98 a second after 5 ms). Doubling from 5 ms twelve times keeps the ~20 s
    // the producer used to retry for (20 ms, ten times) when the broker is away.
    retry: { initialRetryTime: 5, retries: 12 },
  };
}

export interface ReadProcessWrite {
  readonly consumerGroupId: string;
  /** The input partition whose records up to `lastOffset` the outputs answer. */
  readonly topic: string;
  readonly partition: number;
  readonly lastOffset: string;
  readonly topicMessages: readonly TopicMessages[];
}

/**
 * One read-process-write transaction: the outputs and the input offset after `lastOffset`
 * commit together or not at all. Aborts on failure and rethrows; the caller drops the producer.
 */
export async function commitReadProcessWrite(producer: Producer, work: ReadProcessWrite, onAbortFailure: (error: unknown) => void): Promise<void> {
  const transaction = await producer.transaction();
  try {
    // A batch's outputs can outgrow what the broker takes in one request (a backlog, one output
    // partition): several sends, one transaction. One send over the limit failed the batch for good.
    for (const topicMessages of splitIntoSends(work.topicMessages)) {
      await transaction.sendBatch({ topicMessages, acks: -1 });
    }
    await sendOffsets(transaction, work.consumerGroupId, work.topic, work.partition, (BigInt(work.lastOffset) + 1n).toString());
    await transaction.commit();
  } catch (error) {
    await transaction.abort().catch(onAbortFailure);
    throw error;
  }
}

/** AddOffsetsToTxn answers CONCURRENT_TRANSACTIONS while the last commit settles (kafkajs#430). */
async function sendOffsets(transaction: Transaction, consumerGroupId: string, topic: string, partition: number, offset: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await transaction.sendOffsets({ consumerGroupId, topics: [{ topic, partitions: [{ partition, offset }] }] });
      return;
    } catch (error) {
      if ((error as { type?: string }).type !== CONCURRENT_TRANSACTIONS || attempt >= 8) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
    }
  }
}

function asEvents(result: unknown): readonly AnyEvent[] {
  if (result === undefined || result === null) {
    return [];
  }
  if (!Array.isArray(result)) {
    throw new TypeError('a stage handler must return an array of events');
  }
  return result as AnyEvent[];
}
