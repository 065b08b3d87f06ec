#!/usr/bin/env node
// Smoke test for the local broker with the project's client (kafkajs):
//   create topics -> produce -> consume in a group -> one read-process-write transaction
//   (send + sendOffsets + commit) -> check the group offset and that a READ_COMMITTED reader sees
//   the committed record but not an aborted one -> clean up.
// Usage: node scripts/kafka-smoke.mjs   (KAFKA_BROKERS, default 127.0.0.1:${KAFKA_PORT:-9092})
// Exits non-zero on any failure or after a 60 s deadline.
import { randomUUID } from 'node:crypto';
import kafkajs from 'kafkajs';

const { Kafka, Partitioners, logLevel } = kafkajs;
const brokers = (process.env.KAFKA_BROKERS ?? `127.0.0.1:${process.env.KAFKA_PORT ?? 9092}`).split(',');
const run = randomUUID().slice(0, 8);
const inTopic = `smoke-in-${run}`;
const outTopic = `smoke-out-${run}`;
const groupId = `smoke-group-${run}`;
const verifyGroupId = `smoke-verify-${run}`;

const deadline = setTimeout(() => {
  console.error('kafka-smoke: FAILED: deadline of 60 s exceeded');
  process.exit(1);
}, 60_000);

// maxWaitTimeInMs below: a short fetch long-poll, so disconnect() does not wait 5 s for it.
const kafka = new Kafka({ clientId: 'kafka-smoke', brokers, logLevel: logLevel.WARN });
const admin = kafka.admin();
const t0 = Date.now();
const step = (msg) => console.log(`kafka-smoke: [${String(Date.now() - t0).padStart(5)} ms] ${msg}`);

/** Resolves once `count` messages arrived (or rejects after `ms`). */
function collector(count, ms) {
  const got = [];
  let done;
  const finished = new Promise((resolve, reject) => {
    done = resolve;
    setTimeout(() => reject(new Error(`only ${got.length}/${count} messages within ${ms} ms`)), ms).unref();
  });
  return {
    got,
    finished,
    push(m) {
      got.push(m);
      if (got.length >= count) done(got);
    },
  };
}

const cleanups = [];
async function main() {
  await admin.connect();
  const cluster = await admin.describeCluster();
  step(`connected: ${cluster.brokers.length} broker(s), controller ${cluster.controller}`);

  const created = await admin.createTopics({
    waitForLeaders: true,
    topics: [inTopic, outTopic].map((topic) => ({ topic, numPartitions: 1, replicationFactor: 1 })),
  });
  if (!created) throw new Error('createTopics returned false');
  cleanups.push(() => admin.deleteTopics({ topics: [inTopic, outTopic] }));
  step(`created ${inTopic}, ${outTopic}`);

  const producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  await producer.send({
    topic: inTopic,
    acks: -1,
    messages: [1, 2, 3].map((i) => ({ key: `k${i}`, value: `v${i}` })),
  });
  await producer.disconnect();
  step('produced 3 messages');

  // Consume in a group; offsets are committed only by the transaction below.
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 250 });
  cleanups.push(() => consumer.disconnect());
  await consumer.connect();
  await consumer.subscribe({ topics: [inTopic], fromBeginning: true });
  const inbox = collector(3, 30_000);
  await consumer.run({ autoCommit: false, eachMessage: async ({ message }) => inbox.push(message) });
  const consumed = await inbox.finished;
  step(`consumed ${consumed.map((m) => m.value.toString()).join(',')} in group ${groupId}`);

  // Read-process-write: one transaction sends the output and commits the input offset.
  const txProducer = kafka.producer({
    transactionalId: `smoke-tx-${run}`,
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await txProducer.connect();
  const tx = await txProducer.transaction();
  try {
    await tx.send({ topic: outTopic, messages: [{ key: 'k', value: `committed:${consumed.length}` }] });
    await tx.sendOffsets({
      consumerGroupId: groupId,
      topics: [{ topic: inTopic, partitions: [{ partition: 0, offset: String(Number(consumed.at(-1).offset) + 1) }] }],
    });
    await tx.commit();
  } catch (err) {
    await tx.abort().catch(() => {});
    throw err;
  }
  step('transaction committed (send + sendOffsets)');

  // A second, aborted transaction must stay invisible to READ_COMMITTED readers.
  const aborted = await txProducer.transaction();
  await aborted.send({ topic: outTopic, messages: [{ key: 'k', value: 'aborted' }] });
  await aborted.abort();
  await txProducer.disconnect();
  step('second transaction aborted');

  await consumer.disconnect();
  cleanups.pop();
  const [offsets] = await admin.fetchOffsets({ groupId, topics: [inTopic] });
  const committed = offsets.partitions.find((p) => p.partition === 0)?.offset;
  if (committed !== '3') throw new Error(`group offset after transaction is ${committed}, expected 3`);
  step(`group ${groupId} offset on ${inTopic}/0 = ${committed}`);

  // Log of outTopic: committed record, commit marker, aborted record, abort marker.
  const verifier = kafka.consumer({ groupId: verifyGroupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 250 });
  cleanups.push(() => verifier.disconnect());
  await verifier.connect();
  await verifier.subscribe({ topics: [outTopic], fromBeginning: true });
  const outbox = collector(1, 15_000);
  const seen = outbox.got;
  await verifier.run({ eachMessage: async ({ message }) => outbox.push(message.value.toString()) });
  await outbox.finished;
  await new Promise((r) => setTimeout(r, 1_000)); // give a wrongly delivered aborted record time to show up
  await verifier.disconnect();
  cleanups.pop();
  if (seen.length !== 1 || seen[0] !== 'committed:3') {
    throw new Error(`READ_COMMITTED reader saw ${JSON.stringify(seen)}, expected ["committed:3"]`);
  }
  step(`read_committed reader saw ${JSON.stringify(seen)}`);

  await admin.deleteGroups([groupId, verifyGroupId]).catch(() => {});
  await admin.deleteTopics({ topics: [inTopic, outTopic] });
  cleanups.length = 0;
  await admin.disconnect();
  step('cleaned up; OK');
}

main().then(
  () => {
    clearTimeout(deadline);
    process.exit(0);
  },
  async (err) => {
    console.error(`kafka-smoke: FAILED: ${err?.stack ?? err}`);
    for (const c of cleanups.reverse()) await Promise.resolve().then(c).catch(() => {});
    await admin.disconnect().catch(() => {});
    process.exit(1);
  },
);
