import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';
import { TEST_BROKERS } from './test-environment';
import { uniqueName } from './unique-name';

export interface ReadRecord {
  readonly topic: string;
  readonly partition: number;
  readonly message: KafkaMessage;
}

/**
 * Reads committed records of some topics from the beginning into memory, with its own group:
 * what a downstream consumer (or a federal subscriber) would see.
 */
export class TopicReader {
  readonly records: ReadRecord[] = [];
  private readonly kafka = new Kafka({ clientId: uniqueName('reader'), brokers: TEST_BROKERS, logLevel: logLevel.NOTHING });
  private readonly consumer = this.kafka.consumer({ groupId: uniqueName('test-reader'), readUncommitted: false, maxWaitTimeInMs: 100 });

  async start(topics: string[]): Promise<this> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics, fromBeginning: true });
    await this.consumer.run({
      eachMessage: ({ topic, partition, message }) => {
        this.records.push({ topic, partition, message });
        return Promise.resolve();
      },
    });
    return this;
  }

  on(topic: string): ReadRecord[] {
    return this.records.filter((record) => record.topic === topic);
  }

  /** The parsed JSON values of the records on a topic. */
  valuesOn<T = Record<string, unknown>>(topic: string): T[] {
    return this.on(topic).map((record) => JSON.parse(record.message.value?.toString('utf8') ?? 'null') as T);
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}
