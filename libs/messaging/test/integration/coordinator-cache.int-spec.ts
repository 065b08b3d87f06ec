import { Topics } from '@ais/contracts';
import { TEST_BROKERS, uniqueName } from '@ais/testing';
import type { Producer } from 'kafkajs';
import { COORDINATOR_CACHE_MS } from '../../src/coordinator-cache';
import { createKafka } from '../../src/kafka-connection';
import { commitReadProcessWrite, stageProducerConfig } from '../../src/stage.server';
import { StageHarness } from './stage-harness';

describe('coordinator lookups of read-process-write transactions, on a real broker', () => {
  let harness: StageHarness;
  let producer: Producer;

  beforeEach(async () => {
    harness = new StageHarness();
    await harness.createTopics();
    producer = createKafka({ brokers: TEST_BROKERS, clientId: 'coordinator-cache-test' }).producer(stageProducerConfig(uniqueName('txn')));
    await producer.connect();
  });

  afterEach(async () => {
    await producer.disconnect();
    await harness.close();
  });

  it('asks the broker for the coordinators about once a second, not four times per transaction', async () => {
    let lookups = 0;
    producer.on(producer.events.REQUEST, ({ payload }) => {
      if (payload.apiName === 'GroupCoordinator') {
        lookups += 1;
      }
    });
    const transactions = 40;
    const startedAt = Date.now();
    for (let offset = 0; offset < transactions; offset++) {
      await commitReadProcessWrite(
        producer,
        {
          consumerGroupId: harness.kafkaGroupId,
          topic: harness.topic(Topics.pipelineAnonymized),
          partition: 0,
          lastOffset: String(offset),
          topicMessages: [{ topic: harness.topic(Topics.pipelineScreened), messages: [{ key: `k${offset}`, value: 'v' }] }],
        },
        () => undefined,
      );
    }
    const seconds = Math.ceil((Date.now() - startedAt) / COORDINATOR_CACHE_MS);

    expect(await harness.committedOffset(Topics.pipelineAnonymized)).toBe(transactions);
    // Two coordinators (the transaction's and the group's), each asked about once a second; a
    // lookup the broker refused (a coordinator still loading) is asked again. Uncached: 4 per transaction.
    expect(lookups).toBeLessThanOrEqual(2 * (seconds + 1) + 2);
    expect(lookups).toBeLessThan(transactions);
  });
});
