import type { Batch, EachBatchPayload, KafkaMessage, Producer } from 'kafkajs';
import { javaCompatiblePartitioner } from './java-compatible-partitioner';
import { KafkaConsumerServer, type ConsumerServerOptions, type FetchSettings } from './consumer-server.base';
import { buildDeadLetter, type DeadLetterCause } from './dead-letter';
import { errorClassOf, isRetriable, MessagingErrorCode } from './errors';
import type { ProjectionStore } from './projection-store';

/** What a projection handler receives besides the event: the open database transaction. */
export interface ProjectionContext<Tx> {
  readonly tx: Tx;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /**
   * Adds a row for the writer to write with the batch's other rows: one multi-row statement per
   * batch instead of one per record, in the same transaction, just before the checkpoint.
   */
  collect<Row>(writer: BatchWriter<Tx, Row>, row: Row): void;
}

/** Writes the rows handlers collected in one batch; called once per batch, rows in record order. */
export interface BatchWriter<Tx, Row> {
  write(tx: Tx, rows: readonly Row[]): Promise<void>;
}

/** Thrown out of the database transaction to roll it back and redo the batch without one record. */
class PoisonRecord extends Error {
  constructor(
    readonly record: KafkaMessage,
    readonly deadLetterCause: DeadLetterCause,
  ) {
    super('poison record');
  }
}

/** Thrown out of the database transaction to roll it back and redo the batch writing after each record. */
class RetryRecordByRecord extends Error {
  constructor() {
    super('batch write failed; redoing the batch record by record');
  }
}

const partitionKey = (topic: string, partition: number) => `${topic}|${partition}`;

function collectInto<Tx, Row>(collected: Map<BatchWriter<Tx, unknown>, unknown[]>, writer: BatchWriter<Tx, Row>, row: Row): void {
  const key = writer as BatchWriter<Tx, unknown>;
  const rows = collected.get(key);
  if (rows === undefined) {
    collected.set(key, [row]);
  } else {
    rows.push(row);
  }
}

/** The default fetch of a projection group. */
export const PROJECTION_FETCH: FetchSettings = { minBytes: 64 * 1024, maxWaitTimeInMs: 250 };

/**
 * Applies events to PostgreSQL: each batch's rows and the partition's checkpoint commit in one
 * database transaction, and records below the checkpoint are skipped, so redelivery after a crash,
 * a rebalance or a lost Kafka offset commit changes nothing. The checkpoint is the source of truth;
 * Kafka offset commits are only advisory (where a restarted member starts fetching).
 */
export class KafkaProjectionServer<Tx> extends KafkaConsumerServer {
  private deadLetterProducer: Promise<Producer> | null = null;
  /**
   * Records already acknowledged by the dead-letter topic whose checkpoint has not passed them yet,
   * per partition: a batch redone or redelivered in this process skips them instead of sending a
   * second dead letter. (After a restart they are dead-lettered again: at least once.)
   */
  private readonly deadLettered = new Map<string, Set<string>>();
  /** Partitions whose batch write failed for good: written after each record until a batch commits. */
  private readonly writeSingly = new Set<string>();

  constructor(
    options: ConsumerServerOptions,
    private readonly store: ProjectionStore<Tx>,
  ) {
    super(options);
  }

  /**
   * kafkajs would commit the offset after every batch; the advisory commit is sent from
   * processBatch instead, at most every few seconds (an OffsetCommit per small batch was broker
   * work for nothing: the checkpoint decides what is applied).
   */
  protected autoCommit(): boolean {
    return false;
  }

  /**
   * Fewer, larger batches: each batch is a PostgreSQL transaction with its checkpoint, so the
   * broker holds a fetch until 64 KiB are there or 250 ms have passed (a group may ask for more).
   * Projections are read models off the publication path; they lag by at most that wait.
   */
  protected fetchSettings(): FetchSettings {
    return this.options.fetch ?? PROJECTION_FETCH;
  }

  protected override retriesInPlace(): boolean {
    return false;
  }

  protected async processBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const attempts = this.options.handlerAttempts ?? 5;
    let next: bigint | null = null;
    for (let attempt = 1; next === null; attempt++) {
      if (!payload.isRunning() || payload.isStale()) {
        // Stopping, or the partition was moved: nothing was committed for this batch, and whoever
        // fetches it next starts from the checkpoint.
        return;
      }
      try {
        next = await this.store.transaction((tx) => this.applyBatch(tx, batch));
      } catch (error) {
        if (error instanceof PoisonRecord) {
          // Rolled back. The dead letter is acknowledged before any checkpoint can pass its record.
          await this.sendDeadLetter(error.record, batch.topic, batch.partition, error.deadLetterCause);
          this.deadLetteredIn(batch).add(error.record.offset);
          attempt = 0; // A poison record costs one redo, not one of the attempts for transient failures.
        } else if (error instanceof RetryRecordByRecord) {
          attempt = 0;
        } else if (!isRetriable(error) || attempt >= attempts) {
          throw error;
        } else {
          // A transient failure (deadlock, restart) rolled the transaction back: redo the batch.
          this.logger.warn(`transient failure (${errorClassOf(error)}) on ${batch.topic}[${batch.partition}], attempt ${attempt} of ${attempts}`);
          await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempt, 5_000)));
        }
        await payload.heartbeat();
      }
    }
    // Committed. Kafka's offset only says where to fetch next: the checkpoint is at or past this
    // batch's last record (ahead of it on a redelivery), and fetching resumes there. A failure from here on is Kafka's
    // (rebalance, lost member) and is left to kafkajs: redelivery applies nothing twice.
    this.forgetDeadLettersBelow(batch, next);
    this.writeSingly.delete(partitionKey(batch.topic, batch.partition));
    const lastApplied = (next - 1n).toString();
    payload.resolveOffset(lastApplied);
    this.recordLag(payload, lastApplied);
    await payload.commitOffsetsIfNecessary();
    await payload.heartbeat();
  }

  protected async afterClose(): Promise<void> {
    await this.dropDeadLetterProducer();
    this.deadLettered.clear();
    this.writeSingly.clear();
  }

  /**
   * Applies the batch's records at or after the checkpoint and moves the checkpoint past them.
   * Returns the partition's checkpoint (the next offset to apply) as committed.
   */
  private async applyBatch(tx: Tx, batch: Batch): Promise<bigint> {
    const stored = await this.store.lockCheckpoint(tx, this.kafkaGroupId, batch.topic, batch.partition);
    const from = stored === null ? 0n : BigInt(stored);
    const pending = batch.messages.filter((message) => BigInt(message.offset) >= from);
    if (pending.length === 0) {
      // Everything here was applied before (a redelivery). Writing the checkpoint from this batch
      // would move it backwards and let the records after it be applied a second time.
      return from;
    }
    const key = partitionKey(batch.topic, batch.partition);
    const deadLettered = this.deadLettered.get(key);
    const singly = this.writeSingly.has(key);
    const collected = new Map<BatchWriter<Tx, unknown>, unknown[]>();
    for (const message of pending) {
      if (deadLettered?.has(message.offset)) {
        continue;
      }
      const context: ProjectionContext<Tx> = {
        tx,
        topic: batch.topic,
        partition: batch.partition,
        offset: message.offset,
        collect: (writer, row) => collectInto(collected, writer, row),
      };
      // No heartbeat from inside the transaction: a rebalance error would abort it half applied.
      const outcome = await this.handleRecord(message, batch.topic, context, () => Promise.resolve());
      if (outcome.kind === 'dead-letter') {
        throw new PoisonRecord(message, outcome.cause);
      }
      if (singly) {
        await this.writeCollected(tx, collected, key, message);
      }
    }
    await this.writeCollected(tx, collected, key, null);
    const next = BigInt(pending[pending.length - 1]!.offset) + 1n;
    await this.store.saveCheckpoint(tx, this.kafkaGroupId, batch.topic, batch.partition, next.toString());
    return next;
  }

  /**
   * Writes the collected rows. A write that fails for good cannot name its record while a batch's
   * rows are written together: the batch is then redone writing after each record, so the failing
   * one becomes a dead letter and the rest are applied; that partition writes batch-wise again once
   * the redo commits.
   */
  private async writeCollected(tx: Tx, collected: Map<BatchWriter<Tx, unknown>, unknown[]>, key: string, record: KafkaMessage | null): Promise<void> {
    try {
      for (const [writer, rows] of collected) {
        await writer.write(tx, rows);
      }
      collected.clear();
    } catch (error) {
      if (isRetriable(error)) {
        throw error;
      }
      if (record === null) {
        this.writeSingly.add(key);
        throw new RetryRecordByRecord();
      }
      this.logger.error(`batch write failed (${errorClassOf(error)}) at offset ${record.offset}`);
      throw new PoisonRecord(record, {
        code: MessagingErrorCode.HandlerFailed,
        errorClass: errorClassOf(error),
        reason: 'batch write failed for this record',
        attempts: 1,
      });
    }
  }

  private deadLetteredIn(batch: Batch): Set<string> {
    const key = partitionKey(batch.topic, batch.partition);
    let offsets = this.deadLettered.get(key);
    if (offsets === undefined) {
      offsets = new Set();
      this.deadLettered.set(key, offsets);
    }
    return offsets;
  }

  private forgetDeadLettersBelow(batch: Batch, next: bigint): void {
    const offsets = this.deadLettered.get(partitionKey(batch.topic, batch.partition));
    for (const offset of offsets ?? []) {
      if (BigInt(offset) < next) {
        offsets!.delete(offset);
      }
    }
  }

  private async sendDeadLetter(message: KafkaMessage, topic: string, partition: number, cause: DeadLetterCause): Promise<void> {
    const deadLetter = buildDeadLetter(message, { topic, partition, group: this.kafkaGroupId }, cause, this.clock());
    try {
      const producer = await this.connectedDeadLetterProducer();
      await producer.send({ topic: deadLetter.topic, messages: [deadLetter.message], acks: -1 });
    } catch (error) {
      // A failed connect or send leaves an idempotent producer unusable (its sequence numbers no
      // longer match the broker's), and every later send would fail: the next try starts afresh.
      await this.dropDeadLetterProducer();
      throw error;
    }
    this.metrics.deadLettered.inc({ group: this.group, topic, code: cause.code });
  }

  /** One producer for all partitions; concurrent batches share its connect. */
  private connectedDeadLetterProducer(): Promise<Producer> {
    if (this.deadLetterProducer === null) {
      const producer = this.options.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: javaCompatiblePartitioner });
      this.deadLetterProducer = producer.connect().then(() => producer);
      // Handled by whoever awaits it; this keeps an unawaited rejection from crashing the process.
      this.deadLetterProducer.catch(() => undefined);
    }
    return this.deadLetterProducer;
  }

  private async dropDeadLetterProducer(): Promise<void> {
    const pending = this.deadLetterProducer;
    this.deadLetterProducer = null;
    const producer = await pending?.catch(() => null);
    await producer?.disconnect().catch(() => undefined);
  }
}
