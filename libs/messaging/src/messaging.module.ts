import { METRICS_REGISTRY } from '@ais/observability';
import { type DynamicModule, Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type { Kafka } from 'kafkajs';
import type { Registry } from 'prom-client';
import { ConsumerStateRegistry } from './consumer-state';
import { EventPublisher } from './event-publisher';
import { createKafka, type KafkaSecurity } from './kafka-connection';
import { KafkaConsumerIndicator } from './kafka-consumer.indicator';
import { MessagingMetrics } from './messaging.metrics';
import { desiredTopics, ensureTopics, type TopicLayout } from './topic-provisioner';

export const KAFKA = Symbol('KAFKA');
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export interface MessagingOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly topicLayout: TopicLayout;
  /** Prepended to every topic name; empty except to isolate tests. */
  readonly topicPrefix?: string;
  readonly sessionTimeoutMs?: number;
  readonly security?: KafkaSecurity;
}

/** Creates the contracts' topics before any consumer or producer of this process starts. */
@Injectable()
class TopicBootstrap implements OnModuleInit {
  private readonly logger = new Logger('TopicBootstrap');

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const created = await ensureTopics(admin, desiredTopics(this.options.topicLayout, this.options.topicPrefix));
      if (created.length > 0) {
        this.logger.log(`created topics ${created.join(', ')}`);
      }
    } finally {
      await admin.disconnect();
    }
  }
}

@Injectable()
class PublisherLifecycle implements OnApplicationShutdown {
  constructor(private readonly publisher: EventPublisher) {}

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.disconnect();
  }
}

/** Kafka for one service: client, topics, publisher, metrics and consumer health. */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      imports: [TerminusModule],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: KAFKA, useFactory: () => createKafka(options) },
        { provide: MessagingMetrics, useFactory: (registry: Registry) => new MessagingMetrics(registry), inject: [METRICS_REGISTRY] },
        {
          provide: EventPublisher,
          useFactory: (kafka: Kafka, metrics: MessagingMetrics) => new EventPublisher(kafka, metrics, options.topicPrefix),
          inject: [KAFKA, MessagingMetrics],
        },
        ConsumerStateRegistry,
        KafkaConsumerIndicator,
        TopicBootstrap,
        PublisherLifecycle,
      ],
      exports: [KAFKA, MESSAGING_OPTIONS, MessagingMetrics, EventPublisher, ConsumerStateRegistry, KafkaConsumerIndicator],
    };
  }
}
