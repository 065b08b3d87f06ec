import { buildEvent, type AnyEvent, type EventOf, TOPIC_SPECS } from '@ais/contracts';
import { TEST_BROKERS, uniqueName } from '@ais/testing';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import { ConsumerStateRegistry } from '../../src/consumer-state';
import { encodeEvent } from '../../src/event-codec';
import { consumes } from '../../src/handler-pattern';
import { MessagingMetrics } from '../../src/messaging.metrics';
import { deleteTopicsWithPrefix } from '../../src/topic-provisioner';
import { javaCompatiblePartitioner } from '../../src/java-compatible-partitioner';
import { KafkaStageServer } from '../../src/stage.server';
import { desiredTopics, ensureTopics } from '../../src/topic-provisioner';

/** An isolated copy of the contracts' topics (`test-<uuid>.` prefix) and helpers around a stage. */
export class StageHarness {
  readonly prefix = `${uniqueName()}.`;
  readonly group = uniqueName('test-group');
  /** Kafka prefixes groups like topics. */
  readonly kafkaGroupId = this.prefix + this.group;
  readonly kafka = new Kafka({ clientId: 'stage-harness', brokers: TEST_BROKERS, logLevel: logLevel.NOTHING });
  readonly registry = new Registry();
  readonly metrics = new MessagingMetrics(this.registry);
  private producer: Producer | null = null;
  private readonly servers: KafkaStageServer[] = [];

  async createTopics(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    await ensureTopics(admin, desiredTopics({ partitions: 2, replicationFactor: 1 }, this.prefix));
    await admin.disconnect();
  }

  topic(logical: string): string {
    return this.prefix + logical;
  }

  /** A stage that turns each SubmissionAnonymized into a SubmissionScreened, via `handler`. */
  async startStage(
    handler: (event: EventOf<'SubmissionAnonymized'>) => Promise<AnyEvent[]> | AnyEvent[],
    recordConcurrency = 1,
    sessionTimeoutMs?: number,
  ): Promise<KafkaStageServer> {
    const server = new KafkaStageServer({
      kafka: this.kafka,
      group: this.group,
      metrics: this.metrics,
      states: new ConsumerStateRegistry(),
      topicPrefix: this.prefix,
      handlerAttempts: 2,
      recordConcurrency,
      sessionTimeoutMs,
    });
    server.addHandler(consumes(this.group, 'SubmissionAnonymized'), async (event: EventOf<'SubmissionAnonymized'>) => handler(event), true);
    await new Promise<void>((resolve, reject) => {
      void server.listen((error?: unknown) => (error === undefined ? resolve() : reject(error as Error)));
    });
    this.servers.push(server);
    return server;
  }

  async sendRaw(logicalTopic: string, messages: { key: string; value: string | Buffer }[]): Promise<void> {
    if (this.producer === null) {
      this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      await this.producer.connect();
    }
    await this.producer.send({ topic: this.topic(logicalTopic), messages, acks: -1 });
  }

  async sendEvents(events: readonly AnyEvent[]): Promise<void> {
    const messages = events.map(encodeEvent).map((m) => ({ key: m.key as string, value: m.value as string, headers: m.headers }));
    await this.sendRaw(TOPIC_SPECS.find((t) => t.name.endsWith('anonymized.v1'))!.name, messages);
  }

  async committedOffset(logicalTopic: string): Promise<number> {
    const admin = this.kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchOffsets({ groupId: this.kafkaGroupId, topics: [this.topic(logicalTopic)] });
    await admin.disconnect();
    return offsets.flatMap((t) => t.partitions).reduce((sum, p) => sum + Math.max(Number(p.offset), 0), 0);
  }

  async metricValue(name: string): Promise<number> {
    const metric = (await this.registry.getMetricsAsJSON()).find((m) => m.name === name);
    return (metric?.values ?? []).reduce((sum, v) => sum + v.value, 0);
  }

  async close(): Promise<void> {
    for (const server of this.servers) {
      await server.close();
    }
    await this.producer?.disconnect();
    const admin = this.kafka.admin();
    await admin.connect();
    await deleteTopicsWithPrefix(admin, this.prefix).catch(() => undefined);
    await admin.disconnect();
  }
}

export function anonymizedEvent(submissionId: string, objectCount = 1): EventOf<'SubmissionAnonymized'> {
  return buildEvent(
    'SubmissionAnonymized',
    {
      submissionId,
      profileVersion: 'test',
      objects: Array.from({ length: objectCount }, (_, i) => ({ type: 'indicator', id: `indicator--00000000-0000-4000-8000-${String(i).padStart(12, '0')}` })),
      submitter: { sectors: ['energy'], country: 'US' },
      consent: 'none',
      failures: [],
    },
    { key: submissionId, producer: 'test', correlationId: submissionId, causationId: null, occurredAt: new Date() },
  );
}

export function screenedFrom(event: EventOf<'SubmissionAnonymized'>): EventOf<'SubmissionScreened'> {
  return buildEvent('SubmissionScreened', { ...event.data, heldFieldCount: 0 }, {
    key: event.key,
    producer: 'test-stage',
    correlationId: event.correlationId,
    causationId: event.eventId,
    occurredAt: new Date(),
  });
}

/** One record key for each of `partitions` partitions, as the producers' partitioner places keys. */
export function keysForEachPartition(partitions: number): string[] {
  const partitionOf = javaCompatiblePartitioner();
  const partitionMetadata = Array.from({ length: partitions }, (_, partitionId) => ({ partitionId, partitionErrorCode: 0, leader: 1, replicas: [1], isr: [1] }));
  const keys = new Map<number, string>();
  while (keys.size < partitions) {
    const key = randomUUID();
    keys.set(partitionOf({ topic: 'any', partitionMetadata, message: { key, value: null } }), key);
  }
  return [...keys.values()];
}
