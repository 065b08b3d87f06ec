/**
 * Before/after of the two Kafka client changes the pipeline benchmark pointed at (issue 7), each
 * A/B in one run, alternating, so that a busy machine slows both sides alike:
 *
 * - ingest: N concurrent publishes of TAXII-POST-sized events (`SubmissionReceived`, ~7 KiB) —
 *   one send per publish (before) against `EventPublisher`'s grouped sends (after);
 * - stage transactions: back-to-back read-process-write transactions of one partition's producer
 *   (send, sendOffsets, commit) — the client's 100 ms retry of CONCURRENT_TRANSACTIONS (before)
 *   against `stageProducerConfig`'s (after; 5 ms since coordinator lookups are cached).
 *
 *   node -r @swc-node/register bench/kafka-client-tuning.ts [--seconds 8] [--rounds 3] [--concurrency 16]
 *
 * Needs the local stack (Kafka at KAFKA_BROKERS, default 127.0.0.1:9092).
 */
import 'reflect-metadata';
import { buildEvent, TOPIC_SPECS, Topics } from '@ais/contracts';
import {
  commitReadProcessWrite,
  createKafka,
  deleteTopicsWithPrefix,
  desiredTopics,
  encodeEvent,
  ensureTopics,
  EventPublisher,
  MessagingMetrics,
  publisherProducerConfig,
  stageProducerConfig,
} from '@ais/messaging';
import { TEST_BROKERS, uniqueName } from '@ais/testing';
import type { Kafka, Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { Registry } from 'prom-client';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

const SECONDS = option('--seconds', 8);
const ROUNDS = option('--rounds', 3);
const CONCURRENCY = option('--concurrency', 16);
const median = (values: readonly number[]) => [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)] ?? 0;
const fmt = (value: number) => Math.round(value).toLocaleString('en-US');

/** A SubmissionReceived as large as the sealed ~5.5 KB bundle of bench/pipeline/bundle-generator.ts. */
function received() {
  const submissionId = randomUUID();
  return buildEvent(
    'SubmissionReceived',
    {
      submissionId,
      channel: 'taxii',
      principalId: submissionId,
      objectCount: 9,
      receivedAt: new Date().toISOString(),
      sealedContent: { keyId: submissionId, iv: 'AAAAAAAAAAAAAAAA', tag: 'AAAAAAAAAAAAAAAAAAAAAA==', ciphertext: 'A'.repeat(7_300) },
    },
    { key: submissionId, producer: 'bench', correlationId: submissionId, causationId: null, occurredAt: new Date() },
  );
}

/** Publishes per second with `CONCURRENCY` callers publishing one event each, over `SECONDS`. */
async function publishRate(publish: () => Promise<void>): Promise<number> {
  const endAt = Date.now() + SECONDS * 1000;
  let count = 0;
  const worker = async () => {
    while (Date.now() < endAt) {
      await publish();
      count += 1;
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return count / ((Date.now() - started) / 1000);
}

async function ingest(kafka: Kafka, prefix: string): Promise<void> {
  const topic = prefix + Topics.intakeSubmissions;
  const single = kafka.producer(publisherProducerConfig());
  await single.connect();
  const grouped = new EventPublisher(kafka, new MessagingMetrics(new Registry()), prefix);
  await grouped.connect();
  const before: number[] = [];
  const after: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    before.push(await publishRate(async () => void (await single.sendBatch({ topicMessages: [{ topic, messages: [encodeEvent(received())] }], acks: -1 }))));
    after.push(await publishRate(() => grouped.publish([received()])));
    console.log(`ingest round ${round}: one send per publish ${fmt(before[round - 1]!)} publishes/s; grouped ${fmt(after[round - 1]!)} publishes/s`);
  }
  console.log(`ingest median: before ${fmt(median(before))} publishes/s, after ${fmt(median(after))} publishes/s (${(median(after) / median(before)).toFixed(2)}x), ${CONCURRENCY} concurrent callers`);
  await single.disconnect();
  await grouped.disconnect();
}

/** Transactions per second of one partition's producer, back to back, over `SECONDS`. */
async function transactionRate(producer: Producer, prefix: string, group: string): Promise<number> {
  const input = prefix + Topics.pipelineAnonymized;
  const output = prefix + Topics.pipelineScreened;
  const endAt = Date.now() + SECONDS * 1000;
  const started = Date.now();
  let offset = 0;
  while (Date.now() < endAt) {
    const message = encodeEvent(received());
    await commitReadProcessWrite(producer, { consumerGroupId: group, topic: input, partition: 0, lastOffset: String(offset), topicMessages: [{ topic: output, messages: [message] }] }, () => undefined);
    offset += 1;
  }
  return offset / ((Date.now() - started) / 1000);
}

async function transactions(kafka: Kafka, prefix: string): Promise<void> {
  const connect = async (transactionalId: string, retryMs: number) => {
    const config = stageProducerConfig(transactionalId);
    const producer = kafka.producer({ ...config, retry: { ...config.retry, initialRetryTime: retryMs } });
    await producer.connect();
    return producer;
  };
  const group = `${prefix}bench-group`;
  const slow = await connect(`${prefix}before`, 100);
  const fastMs = stageProducerConfig('x').retry?.initialRetryTime ?? 100;
  const fast = await connect(`${prefix}after`, fastMs);
  const before: number[] = [];
  const after: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    before.push(await transactionRate(slow, prefix, group));
    after.push(await transactionRate(fast, prefix, group));
    console.log(`transactions round ${round}: retry 100 ms ${before[round - 1]!.toFixed(1)}/s; retry ${fastMs} ms ${after[round - 1]!.toFixed(1)}/s`);
  }
  console.log(`transactions median: before ${median(before).toFixed(1)}/s, after ${median(after).toFixed(1)}/s (${(median(after) / median(before)).toFixed(2)}x), one partition`);
  await slow.disconnect();
  await fast.disconnect();
}

async function main(): Promise<void> {
  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const prefix = `${uniqueName('bench-tuning')}.`;
  const kafka = createKafka({ brokers: TEST_BROKERS, clientId: 'bench-kafka-client-tuning' });
  const admin = kafka.admin();
  await admin.connect();
  const specs = TOPIC_SPECS.filter((spec) => spec.name === Topics.intakeSubmissions || spec.name === Topics.pipelineAnonymized || spec.name === Topics.pipelineScreened);
  await ensureTopics(admin, desiredTopics({ partitions: 3, replicationFactor: 1 }, prefix, specs));
  try {
    await ingest(kafka, prefix);
    await transactions(kafka, prefix);
  } finally {
    await deleteTopicsWithPrefix(admin, prefix).catch(() => undefined);
    await admin.disconnect();
  }
  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
