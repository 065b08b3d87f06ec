import { decodeEvent, ENVELOPE_HEADERS, EVENT_CATALOG, isEventType, type AnyEvent } from '@ais/contracts';
import { Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import type { Consumer, ConsumerConfig, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import type { ConsumerState, ConsumerStateRegistry } from './consumer-state';
import type { DeadLetterCause } from './dead-letter';
import { errorClassOf, isRetriable, MessagingErrorCode } from './errors';
import { typeInPattern } from './handler-pattern';
import type { MessagingMetrics } from './messaging.metrics';

export interface ConsumerServerOptions {
  readonly kafka: Kafka;
  /** Used exactly as written (no `-server` suffix): ACLs and lag dashboards name it. */
  readonly group: string;
  readonly metrics: MessagingMetrics;
  readonly states: ConsumerStateRegistry;
  /** Prepended to every topic read and written, to isolate tests (`test-<uuid>.`). */
  readonly topicPrefix?: string;
  readonly partitionsConsumedConcurrently?: number;
  /**
   * Records of one batch a stage handles at once; only for handlers that share no rows with each
   * other (their outputs still commit in record order). 1 unless a group asks for more.
   */
  readonly recordConcurrency?: number;
  /** When the broker answers this group's fetches, if not the transport's default. */
  readonly fetch?: FetchSettings;
  readonly sessionTimeoutMs?: number;
  /** Retries of a handler that fails with a transient error, before the batch is abandoned. */
  readonly handlerAttempts?: number;
  readonly clock?: () => Date;
}

/** What one record became: events to write, nothing (a type this group ignores) or a dead letter. */
export type RecordOutcome =
  | { readonly kind: 'handled'; readonly event: AnyEvent; readonly result: unknown }
  | { readonly kind: 'ignored' }
  | { readonly kind: 'dead-letter'; readonly cause: DeadLetterCause };

/**
 * The kafkajs consumer settings of every stage and projection group; exported so that the
 * raw-Kafka baseline of `bench/pipeline-throughput.ts` measures the same client.
 */
export function groupConsumerConfig(groupId: string, sessionTimeoutMs = 30_000, fetch: FetchSettings = IMMEDIATE_FETCH): ConsumerConfig {
  return {
    groupId,
    sessionTimeout: sessionTimeoutMs,
    heartbeatInterval: 3_000,
    readUncommitted: false,
    allowAutoTopicCreation: false,
    ...fetch,
    retry: { retries: 10, initialRetryTime: 200 },
  };
}

/** When the broker answers a fetch: once `minBytes` are there, or after `maxWaitTimeInMs`. */
export type FetchSettings = Required<Pick<ConsumerConfig, 'minBytes' | 'maxWaitTimeInMs'>>;

/** Stages: a fetch returns as soon as one record is there; the wait only bounds idle polling. */
export const IMMEDIATE_FETCH: FetchSettings = { minBytes: 1, maxWaitTimeInMs: 500 };

/**
 * The first-version stages (validate, anonymize, screen, publish): the broker answers once 128 KiB
 * are there or 20 ms have passed. Under load a stage's batch is ready long before either; at
 * ~100 submissions/s it lets a few records gather per fetch, and in four paired benchmark runs
 * the first-version p99 at that rate fell in each (docs/benchmarks.md, run 12). Idle, it adds at
 * most 20 ms a hop. Enrichment fetches at once: which report is a pattern's earliest depends on
 * the order it reads them (run 11).
 */
export const FIRST_VERSION_FETCH: FetchSettings = { minBytes: 128 * 1024, maxWaitTimeInMs: 20 };

/** Partitions of one group handled at once in a process, unless a group asks otherwise. */
export const DEFAULT_PARTITIONS_CONSUMED_CONCURRENTLY = 3;

/**
 * Records at once for stages whose records share no rows (validate, anonymize, screen; enrichment
 * handles the ones given at once in one transaction): each record waits on a few key-store round
 * trips, and on a busy machine those waits, not CPU, bounded a partition to ~10 records/s
 * (bench/pipeline-throughput.ts, docs/benchmarks.md). Records handled side by side share those
 * round trips (the key store coalesces the calls of one moment), so a batch of the usual size
 * waits on one key-store statement of each kind; statements of their own (the anonymizer's
 * insert) queue for the service's pool of 10 connections.
 */
export const STAGE_RECORD_CONCURRENCY = 16;

/** How often a projection's advisory Kafka offset commit is sent (its checkpoint is in PostgreSQL). */
const ADVISORY_COMMIT_INTERVAL_MS = 5_000;

/** Pause before starting a consumer again that kafkajs gave up on (see `restartLater`). */
const CRASH_RESTART_DELAY_MS = 5_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A Nest transport over one kafkajs consumer group: batches, explicit offsets, envelope decoding,
 * routing by `consumes(group, type)` patterns, poison records sorted from transient failures.
 * Subclasses decide how a batch's results and its offsets are committed together.
 */
export abstract class KafkaConsumerServer extends Server implements CustomTransportStrategy {
  protected override readonly logger: Logger;
  /** The group as handlers name it in `consumes(group, type)`. */
  protected readonly group: string;
  /**
   * The group as Kafka knows it: prefixed like the topics, so isolated copies of the pipeline on
   * one broker (tests) never join each other's groups.
   */
  protected readonly kafkaGroupId: string;
  protected readonly metrics: MessagingMetrics;
  protected readonly clock: () => Date;
  protected readonly topicPrefix: string;
  protected consumer: Consumer | null = null;
  private readonly state: ConsumerState;
  private restartTimer: NodeJS.Timeout | null = null;
  private readonly handlerAttempts: number;
  /** Handler per event type, looked up once: Nest's lookup parses the pattern on every call. */
  private readonly handlersByType = new Map<string, MessageHandler | null>();

  protected constructor(protected readonly options: ConsumerServerOptions) {
    super();
    this.group = options.group;
    this.metrics = options.metrics;
    this.clock = options.clock ?? (() => new Date());
    this.topicPrefix = options.topicPrefix ?? '';
    this.kafkaGroupId = this.topicPrefix + options.group;
    this.handlerAttempts = options.handlerAttempts ?? 5;
    this.state = options.states.register(options.group);
    this.logger = new Logger(`${this.constructor.name}:${options.group}`);
  }

  /** The topics that carry an event type this group has a handler for. */
  subscribedTopics(): string[] {
    const topics = new Set<string>();
    for (const pattern of this.messageHandlers.keys()) {
      const type = typeInPattern(pattern, this.group);
      if (type !== null && isEventType(type)) {
        topics.add(this.topicPrefix + EVENT_CATALOG[type].topic);
      }
    }
    return [...topics].sort();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const topics = this.subscribedTopics();
      if (topics.length === 0) {
        throw new Error(`consumer group ${this.group} has no handlers`);
      }
      const consumer = this.options.kafka.consumer(groupConsumerConfig(this.kafkaGroupId, this.options.sessionTimeoutMs, this.fetchSettings()));
      this.consumer = consumer;
      this.watch(consumer);
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning: true });
      await this.run(consumer);
      this.logger.log(`consuming ${topics.join(', ')}`);
      callback();
    } catch (error) {
      callback(error);
    }
  }

  private run(consumer: Consumer): Promise<void> {
    return consumer.run({
      autoCommit: this.autoCommit(),
      // How often `commitOffsetsIfNecessary` commits (projections' advisory offsets).
      autoCommitInterval: ADVISORY_COMMIT_INTERVAL_MS,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? DEFAULT_PARTITIONS_CONSUMED_CONCURRENTLY,
      eachBatch: (payload) => this.timedBatch(payload),
    });
  }

  /**
   * kafkajs gives a group up for good after an error it deems not retriable, such as no group
   * coordinator found while the broker is away longer than its retries last: the process would
   * stay up, unhealthy and idle, until someone restarted it. Start the consumer again instead,
   * every few seconds, until it runs (a crash while joining lands here again) or the server closes.
   */
  private restartLater(consumer: Consumer): void {
    if (this.restartTimer !== null) {
      return;
    }
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.consumer !== consumer) {
        return;
      }
      this.logger.warn('restarting the consumer after a crash');
      consumer
        .connect()
        .then(() => this.run(consumer))
        .catch((error: unknown) => {
          this.logger.warn(`consumer restart failed (${errorClassOf(error)}), will try again`);
          this.restartLater(consumer);
        });
    }, CRASH_RESTART_DELAY_MS);
  }

  async close(): Promise<void> {
    if (this.restartTimer !== null) {
      clearTimeout(this.restartTimer);
      this.restartTimer = null;
    }
    // disconnect() waits for the batch in flight: no "write after end" (kafkajs#1017).
    await this.consumer?.disconnect();
    this.consumer = null;
    this.state.joined = false;
    await this.afterClose();
  }

  on(): never {
    throw new Error('KafkaConsumerServer emits no events to subscribe to');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  /** Whether kafkajs should commit resolved offsets itself after every batch. */
  protected abstract autoCommit(): boolean;
  /** When the broker answers this group's fetches. */
  protected abstract fetchSettings(): FetchSettings;
  protected abstract processBatch(payload: EachBatchPayload): Promise<void>;
  protected abstract afterClose(): Promise<void>;
  /**
   * Whether a transient handler failure may be retried where it happened. Not in a projection:
   * PostgreSQL has aborted the transaction (25P02 for every statement after), so the whole batch
   * is redone instead.
   */
  protected retriesInPlace(): boolean {
    return true;
  }

  /** Partitions this member was given; subclasses release what they hold for the others. */
  protected onAssignment(_assignment: Record<string, number[]>): Promise<void> {
    return Promise.resolve();
  }

  /**
   * Decodes a record and runs its handler. Transient failures are retried with backoff (the
   * batch is abandoned after the last attempt, so nothing is committed); poison becomes a dead letter.
   */
  protected async handleRecord(message: KafkaMessage, topic: string, context: unknown, heartbeat: () => Promise<void>): Promise<RecordOutcome> {
    if (message.value === null) {
      return this.poison(topic, 'AIS_MESSAGING_EMPTY_RECORD', 'Tombstone', 'record has no value', 1);
    }
    // Topics carry several types; one this group ignores is not decoded (the header is written
    // with the value by encodeEvent). A record without the header is decoded and routed as before.
    const declaredType = message.headers?.[ENVELOPE_HEADERS.type]?.toString();
    if (declaredType !== undefined && isEventType(declaredType) && this.handlerFor(declaredType) === null) {
      return { kind: 'ignored' };
    }
    const decoded = decodeEvent(message.value);
    if (!decoded.ok) {
      return this.poison(topic, decoded.code, 'EnvelopeError', decoded.reason, 1);
    }
    const event = decoded.event;
    const handler = this.handlerFor(event.type);
    if (handler === null) {
      return { kind: 'ignored' };
    }
    this.metrics.consumed.inc({ group: this.group, topic, type: event.type });
    for (let attempt = 1; ; attempt++) {
      const stopTimer = this.metrics.handlerDuration.startTimer({ group: this.group, type: event.type });
      try {
        // What Nest's transformToObservable + lastValueFrom give, without an rxjs pipeline per record.
        const returned: unknown = await handler(event, context);
        const result: unknown = isObservable(returned) ? await lastValueFrom(returned, { defaultValue: undefined }) : returned;
        stopTimer();
        return { kind: 'handled', event, result };
      } catch (error) {
        stopTimer();
        if (!isRetriable(error)) {
          this.logger.error(`handler for ${event.type} failed (${errorClassOf(error)}) at event ${event.eventId}`);
          return this.poison(topic, MessagingErrorCode.HandlerFailed, errorClassOf(error), `handler for ${event.type} failed`, attempt);
        }
        this.metrics.failed.inc({ group: this.group, topic, code: 'retriable' });
        if (attempt >= this.handlerAttempts || !this.retriesInPlace()) {
          throw error;
        }
        this.logger.warn(`transient failure (${errorClassOf(error)}), attempt ${attempt} of ${this.handlerAttempts}`);
        await sleep(Math.min(100 * 2 ** attempt, 5_000));
        await heartbeat();
      }
    }
  }

  private handlerFor(type: string): MessageHandler | null {
    let handler = this.handlersByType.get(type);
    if (handler === undefined) {
      handler = this.getHandlerByPattern(`${this.group}:${type}`);
      this.handlersByType.set(type, handler);
    }
    return handler;
  }

  protected recordLag(payload: EachBatchPayload, lastOffset: string): void {
    const { batch } = payload;
    const lag = Number(BigInt(batch.highWatermark) - BigInt(lastOffset) - 1n);
    this.metrics.consumerLag.set({ group: this.group, topic: batch.topic, partition: String(batch.partition) }, Math.max(lag, 0));
  }

  private poison(topic: string, code: string, errorClass: string, reason: string, attempts: number): RecordOutcome {
    this.metrics.failed.inc({ group: this.group, topic, code });
    return { kind: 'dead-letter', cause: { code, errorClass, reason, attempts } };
  }

  private async timedBatch(payload: EachBatchPayload): Promise<void> {
    const now = Date.now();
    this.state.lastFetchAt = now;
    if (payload.batch.isEmpty()) {
      return;
    }
    const stopTimer = this.metrics.batchDuration.startTimer({ group: this.group, topic: payload.batch.topic });
    try {
      await this.processBatch(payload);
      this.state.lastBatchAt = Date.now();
    } catch (error) {
      this.metrics.failed.inc({ group: this.group, topic: payload.batch.topic, code: 'batch' });
      this.logger.warn(`batch on ${payload.batch.topic}[${payload.batch.partition}] not committed, will be retried (${errorClassOf(error)})`);
      throw error;
    } finally {
      stopTimer();
    }
  }

  private watch(consumer: Consumer): void {
    const { GROUP_JOIN, CRASH, STOP, DISCONNECT, FETCH } = consumer.events;
    consumer.on(GROUP_JOIN, (event) => {
      this.state.joined = true;
      this.state.crashed = false;
      this.state.lastFetchAt = Date.now();
      this.onAssignment(event.payload.memberAssignment).catch((error: unknown) =>
        this.logger.warn(`releasing partitions failed (${errorClassOf(error)})`),
      );
    });
    consumer.on(FETCH, () => {
      this.state.lastFetchAt = Date.now();
    });
    consumer.on(CRASH, (event) => {
      this.state.crashed = !event.payload.restart;
      this.state.joined = false;
      this.logger.error(`consumer crashed (${errorClassOf(event.payload.error)}), restart: ${String(event.payload.restart)}`);
      if (!event.payload.restart) {
        this.restartLater(consumer);
      }
    });
    for (const stopped of [STOP, DISCONNECT]) {
      consumer.on(stopped, () => {
        this.state.joined = false;
      });
    }
  }
}
