import type { AnyEvent } from '@ais/contracts';
import type { Kafka, Producer } from 'kafkajs';
import { toTopicMessages, topicOf } from './event-codec';
import { javaCompatiblePartitioner } from './kafka-connection';
import type { MessagingMetrics } from './messaging.metrics';

/**
 * Writes events that a request (not a consumed record) causes, such as a TAXII POST. Idempotent
 * producer, acks from all in-sync replicas: once `publish` resolves, the events are in the log.
 */
export class EventPublisher {
  private readonly producer: Producer;
  /** Shared by concurrent first publishes, so the producer connects once. */
  private connecting: Promise<void> | null = null;

  constructor(
    kafka: Kafka,
    private readonly metrics: MessagingMetrics,
    /** Isolates a test's topics (`test-<uuid>.`); empty in production. */
    private readonly topicPrefix = '',
  ) {
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: javaCompatiblePartitioner });
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
    await this.producer.sendBatch({ topicMessages: toTopicMessages(events, this.topicPrefix), acks: -1 });
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
}
