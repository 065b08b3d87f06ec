import type { ConsumerConfig, Kafka } from 'kafkajs';
import { Registry } from 'prom-client';
import { ConsumerStateRegistry } from './consumer-state';
import { consumes } from './handler-pattern';
import { MessagingMetrics } from './messaging.metrics';
import { KafkaStageServer } from './stage.server';
import type { FetchSettings } from './consumer-server.base';

/** The consumer settings a stage asks kafkajs for, with a consumer that does nothing. */
async function consumerConfigOf(fetch?: FetchSettings): Promise<ConsumerConfig> {
  let config: ConsumerConfig | undefined;
  const consumer = { events: {}, on: () => undefined, connect: () => Promise.resolve(), subscribe: () => Promise.resolve(), run: () => Promise.resolve() };
  const kafka = { consumer: (asked: ConsumerConfig) => ((config = asked), consumer) } as unknown as Kafka;
  const server = new KafkaStageServer({ kafka, group: 'test-stage', metrics: new MessagingMetrics(new Registry()), states: new ConsumerStateRegistry(), fetch });
  server.addHandler(consumes('test-stage', 'SubmissionScreened'), () => Promise.resolve([]));
  await new Promise<void>((resolve, reject) => void server.listen((error) => (error === undefined ? resolve() : reject(error as Error))));
  return config!;
}

describe("a stage's fetches", () => {
  it('return as soon as a record is there, unless the group asks otherwise', async () => {
    expect(await consumerConfigOf()).toMatchObject({ minBytes: 1, maxWaitTimeInMs: 500 });
    expect(await consumerConfigOf({ minBytes: 4096, maxWaitTimeInMs: 1_000 })).toMatchObject({ minBytes: 4096, maxWaitTimeInMs: 1_000 });
  });
});
