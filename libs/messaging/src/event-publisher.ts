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
  private connected = false;

  constructor(
    kafka: Kafka,
    private readonly metrics: MessagingMetrics,
    /** Isolates a test's topics (`test-<uuid>.`); empty in production. */
    private readonly topicPrefix = '',
  ) {
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: javaCompatiblePartitioner });
  }

  async connect(): Promise<void> {
    if (!this.connected) {
      await this.producer.connect();
      this.connected = true;
    }
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
    if (this.connected) {
      await this.producer.disconnect();
      this.connected = false;
    }
  }
}
