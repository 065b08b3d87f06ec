import type { EachBatchPayload, KafkaMessage, Producer } from 'kafkajs';
import { javaCompatiblePartitioner } from './kafka-connection';
import { KafkaConsumerServer, type ConsumerServerOptions } from './consumer-server.base';
import { buildDeadLetter, type DeadLetterCause } from './dead-letter';
import { isRetriable } from './errors';
import type { ProjectionStore } from './projection-store';

/** What a projection handler receives besides the event: the open database transaction. */
export interface ProjectionContext<Tx> {
  readonly tx: Tx;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/** Thrown out of the database transaction to roll it back and redo the batch without one record. */
class PoisonRecord extends Error {
  constructor(
    readonly offset: string,
    readonly deadLetterCause: DeadLetterCause,
  ) {
    super('poison record');
  }
}

/**
 * Applies events to PostgreSQL: each batch's rows and the partition's checkpoint commit in one
 * database transaction, and records at or below the checkpoint are skipped, so redelivery after
 * a crash changes nothing. Kafka offset commits are only advisory here.
 */
export class KafkaProjectionServer<Tx> extends KafkaConsumerServer {
  private deadLetterProducer: Producer | null = null;

  constructor(
    options: ConsumerServerOptions,
    private readonly store: ProjectionStore<Tx>,
  ) {
    super(options);
  }

  protected autoCommit(): boolean {
    return true;
  }

  protected override retriesInPlace(): boolean {
    return false;
  }

  protected async processBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const skipped = new Set<string>();
    const attempts = this.options.handlerAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      try {
        const lastOffset = await this.store.transaction((tx) => this.applyBatch(tx, payload, skipped));
        if (lastOffset !== null) {
          payload.resolveOffset(lastOffset);
          this.recordLag(payload, lastOffset);
          await payload.commitOffsetsIfNecessary();
        }
        await payload.heartbeat();
        return;
      } catch (error) {
        if (!(error instanceof PoisonRecord)) {
          // A transient failure (deadlock, restart) rolled the transaction back: redo the batch.
          if (!isRetriable(error) || attempt >= attempts) {
            throw error;
          }
          await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempt, 5_000)));
          await payload.heartbeat();
          continue;
        }
        // The dead letter is acknowledged before the checkpoint moves past its record.
        const message = batch.messages.find((m) => m.offset === error.offset) as KafkaMessage;
        await this.sendDeadLetter(message, batch.topic, batch.partition, error.deadLetterCause);
        skipped.add(error.offset);
      }
    }
  }

  protected async afterClose(): Promise<void> {
    await this.deadLetterProducer?.disconnect();
    this.deadLetterProducer = null;
  }

  private async applyBatch(tx: Tx, payload: EachBatchPayload, skipped: ReadonlySet<string>): Promise<string | null> {
    const { batch } = payload;
    const heartbeat = () => payload.heartbeat();
    const next = await this.store.lockCheckpoint(tx, this.kafkaGroupId, batch.topic, batch.partition);
    const from = next === null ? null : BigInt(next);
    let lastOffset: string | null = null;
    for (const message of batch.messages) {
      lastOffset = message.offset;
      if ((from !== null && BigInt(message.offset) < from) || skipped.has(message.offset)) {
        continue;
      }
      const context: ProjectionContext<Tx> = { tx, topic: batch.topic, partition: batch.partition, offset: message.offset };
      const outcome = await this.handleRecord(message, batch.topic, context, heartbeat);
      if (outcome.kind === 'dead-letter') {
        throw new PoisonRecord(message.offset, outcome.cause);
      }
    }
    if (lastOffset !== null) {
      await this.store.saveCheckpoint(tx, this.kafkaGroupId, batch.topic, batch.partition, (BigInt(lastOffset) + 1n).toString());
    }
    return lastOffset;
  }

  private async sendDeadLetter(message: KafkaMessage, topic: string, partition: number, cause: DeadLetterCause): Promise<void> {
    if (this.deadLetterProducer === null) {
      // Kept only once connected: a producer whose connect failed would fail every later send.
      const producer = this.options.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: javaCompatiblePartitioner });
      await producer.connect();
      this.deadLetterProducer = producer;
    }
    const deadLetter = buildDeadLetter(message, { topic, partition, group: this.kafkaGroupId }, cause, this.clock());
    await this.deadLetterProducer.send({ topic: deadLetter.topic, messages: [deadLetter.message], acks: -1 });
    this.metrics.deadLettered.inc({ group: this.group, topic, code: cause.code });
  }
}
