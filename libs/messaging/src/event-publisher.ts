import type { AnyEvent } from '@ais/contracts';
import type { Kafka, Producer, ProducerConfig, TopicMessages } from 'kafkajs';
import { toTopicMessages, topicOf } from './event-codec';
import { javaCompatiblePartitioner } from './java-compatible-partitioner';
import { mergeByTopic, SEND_MAX_BYTES, sizeOf } from './send-size';
import type { MessagingMetrics } from './messaging.metrics';

/** A publish waiting for the next send: its records, their size, and its caller. */
interface PendingPublish {
  readonly topicMessages: TopicMessages[];
  readonly bytes: number;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
  /** Set after a grouped send failed: sent on its own, so one bad record fails only its caller. */
  readonly alone?: boolean;
}

/**
 * Writes events that a request (not a consumed record) causes, such as a TAXII POST. Idempotent
 * producer, acks from all in-sync replicas: once `publish` resolves, the events are in the log.
 *
 * The idempotent producer has one request in flight per broker, so one send per request capped
 * ingest at one round trip per POST. Publishes that arrive while a send is in flight are grouped
 * into the next send (group commit): no waiting when idle, one round trip for many under load.
 * Each publish's records stay in order; when a grouped send fails, each publish is sent again on
 * its own, so a record the broker refuses (too large) fails only the request that made it.
 */
export class EventPublisher {
  private readonly producer: Producer;
  /** Shared by concurrent first publishes, so the producer connects once. */
  private connecting: Promise<void> | null = null;
  private readonly queue: PendingPublish[] = [];
  private sending = false;

  constructor(
    kafka: Kafka,
    private readonly metrics: MessagingMetrics,
    /** Isolates a test's topics (`test-<uuid>.`); empty in production. */
    private readonly topicPrefix = '',
  ) {
    this.producer = kafka.producer(publisherProducerConfig());
  }

  connect(): Promise<void> {
    this.connecting ??= this.producer.connect().catch((error: unknown) => {
      this.connecting = null;
      throw error;
    });
    return this.connecting;
  }

  async publish(events: readonly AnyEvent[]): Promise<void> {
    if (events.length === 0) {
      return;
    }
    await this.connect();
    const topicMessages = toTopicMessages(events, this.topicPrefix);
    const bytes = topicMessages.reduce((sum, { messages }) => sum + messages.reduce((size, message) => size + sizeOf(message.value), 0), 0);
    await new Promise<void>((resolve, reject) => {
      this.queue.push({ topicMessages, bytes, resolve, reject });
      this.sendQueued();
    });
    for (const event of events) {
      this.metrics.produced.inc({ topic: topicOf(event), type: event.type });
    }
  }

  async disconnect(): Promise<void> {
    if (this.connecting !== null) {
      this.connecting = null;
      await this.producer.disconnect();
    }
  }

  /** Sends what is queued (up to the size cap) unless a send is in flight; its end sends the rest. */
  private sendQueued(): void {
    if (this.sending || this.queue.length === 0) {
      return;
    }
    const group: PendingPublish[] = [];
    let bytes = 0;
    while (this.queue.length > 0 && (group.length === 0 || (!group[0]!.alone && !this.queue[0]!.alone && bytes + this.queue[0]!.bytes <= SEND_MAX_BYTES))) {
      const next = this.queue.shift()!;
      group.push(next);
      bytes += next.bytes;
    }
    this.sending = true;
    void this.producer
      .sendBatch({ topicMessages: mergeByTopic(group.flatMap((pending) => pending.topicMessages)), acks: -1 })
      .then(
        () => group.forEach((pending) => pending.resolve()),
        (error: unknown) => {
          if (group.length === 1) {
            group[0]!.reject(error);
          } else {
            // Which record the broker refused is not known: retry each publish on its own.
            this.queue.unshift(...group.map((pending) => ({ ...pending, alone: true })));
          }
        },
      )
      .finally(() => {
        this.sending = false;
        this.sendQueued();
      });
  }
}

/** The producer of request-driven events (a TAXII POST); the benchmark's baseline writes with it too. */
export function publisherProducerConfig(): ProducerConfig {
  return { idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: javaCompatiblePartitioner };
}
