/**
 * One hop of the raw-Kafka baseline, run as its own process like a pipeline service: consumes
 * `--in` and writes every record unchanged (key, value, headers) to `--out`, read-process-write
 * in one transaction per partition batch, with the consumer, producer and transaction settings
 * of `KafkaStageServer` (the same factories). No decoding, no handler: the ceiling of the design.
 *
 *   node -r @swc-node/register bench/pipeline/baseline-hop.ts --in <topic> --out <topic> --group <id> [--brokers host:port]
 */
import { commitReadProcessWrite, createKafka, DEFAULT_PARTITIONS_CONSUMED_CONCURRENTLY, FIRST_VERSION_FETCH, groupConsumerConfig, stageProducerConfig } from '@ais/messaging';
import type { Producer } from 'kafkajs';

function argument(name: string): string {
  const index = process.argv.indexOf(name);
  const value = index > 0 ? process.argv[index + 1] : undefined;
  if (value === undefined) {
    throw new Error(`missing ${name}`);
  }
  return value;
}

async function main(): Promise<void> {
  const input = argument('--in');
  const output = argument('--out');
  const group = argument('--group');
  const brokers = (process.argv.includes('--brokers') ? argument('--brokers') : '127.0.0.1:9092').split(',');
  const kafka = createKafka({ brokers, clientId: 'bench-baseline-hop' });
  const producers = new Map<number, Promise<Producer>>();
  const producerFor = (partition: number): Promise<Producer> => {
    let producer = producers.get(partition);
    if (producer === undefined) {
      producer = (async () => {
        const created = kafka.producer(stageProducerConfig(`${group}-${input}-${partition}`));
        await created.connect();
        return created;
      })();
      producers.set(partition, producer);
    }
    return producer;
  };
  // The fetch of the first-version stages, whose hops these stand for.
  const consumer = kafka.consumer(groupConsumerConfig(group, 8_000, FIRST_VERSION_FETCH));
  await consumer.connect();
  await consumer.subscribe({ topics: [input], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    partitionsConsumedConcurrently: DEFAULT_PARTITIONS_CONSUMED_CONCURRENTLY,
    eachBatch: async (payload) => {
      const { batch } = payload;
      const last = batch.messages[batch.messages.length - 1];
      if (last === undefined) {
        return;
      }
      const messages = batch.messages.map((message) => ({ key: message.key, value: message.value, headers: message.headers }));
      const producer = await producerFor(batch.partition);
      try {
        await commitReadProcessWrite(
          producer,
          { consumerGroupId: group, topic: input, partition: batch.partition, lastOffset: last.offset, topicMessages: [{ topic: output, messages }] },
          () => undefined,
        );
      } catch (error) {
        producers.delete(batch.partition);
        await producer.disconnect().catch(() => undefined);
        throw error;
      }
      payload.resolveOffset(last.offset);
      await payload.heartbeat();
    },
  });
  process.stdout.write(`hop ${input} -> ${output} running\n`);
  const stop = async () => {
    await consumer.disconnect();
    await Promise.allSettled([...producers.values()].map(async (producer) => (await producer).disconnect()));
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error('baseline hop failed', error instanceof Error ? error.message : error);
  process.exit(1);
});
