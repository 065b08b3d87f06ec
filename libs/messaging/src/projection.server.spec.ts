import { buildEvent, ENVELOPE_HEADERS, Topics, type EventOf } from '@ais/contracts';
import type { Batch, EachBatchPayload, Kafka, KafkaMessage, Message, Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import { ConsumerStateRegistry } from './consumer-state';
import { DEAD_LETTER_HEADERS } from './dead-letter';
import { RetriableError } from './errors';
import { encodeEvent } from './event-codec';
import { consumes } from './handler-pattern';
import { MessagingMetrics } from './messaging.metrics';
import type { ProjectionStore } from './projection-store';
import type { FetchSettings } from './consumer-server.base';
import { KafkaProjectionServer, PROJECTION_FETCH, type BatchWriter, type ProjectionContext } from './projection.server';

/** A database in memory: a transaction works on a copy that replaces the original on commit only. */
interface Tables {
  applied: string[];
  checkpoints: Map<string, string>;
  /** Rows written by batch writers, one entry per write call. */
  writes: string[][];
}
type Tx = Tables;

class MemoryStore implements ProjectionStore<Tx> {
  tables: Tables = { applied: [], checkpoints: new Map(), writes: [] };
  failNextTransactions: Error[] = [];

  async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const copy: Tables = { applied: [...this.tables.applied], checkpoints: new Map(this.tables.checkpoints), writes: [...this.tables.writes] };
    const result = await work(copy);
    const failure = this.failNextTransactions.shift();
    if (failure !== undefined) {
      throw failure;
    }
    this.tables = copy;
    return result;
  }

  lockCheckpoint(tx: Tx, group: string, topic: string, partition: number): Promise<string | null> {
    return Promise.resolve(tx.checkpoints.get(`${group}|${topic}|${partition}`) ?? null);
  }

  saveCheckpoint(tx: Tx, group: string, topic: string, partition: number, nextOffset: string): Promise<void> {
    tx.checkpoints.set(`${group}|${topic}|${partition}`, nextOffset);
    return Promise.resolve();
  }
}

/** Dead-letter producers as the broker sees them: each send either fails or is acknowledged. */
class FakeKafka {
  readonly sent: Message[] = [];
  producersCreated = 0;
  disconnected = 0;
  failSends = 0;

  producer(): Producer {
    this.producersCreated++;
    return {
      connect: () => Promise.resolve(),
      disconnect: () => {
        this.disconnected++;
        return Promise.resolve();
      },
      send: ({ messages }: { messages: Message[] }) => {
        if (this.failSends > 0) {
          this.failSends--;
          return Promise.reject(new Error('request timed out'));
        }
        this.sent.push(...messages);
        return Promise.resolve([]);
      },
    } as unknown as Producer;
  }
}

const group = 'test-projection';
const topic = Topics.disseminationPublished;

class TestProjection extends KafkaProjectionServer<Tx> {
  processOne(payload: EachBatchPayload): Promise<void> {
    return this.processBatch(payload);
  }

  fetch(): FetchSettings {
    return this.fetchSettings();
  }
}

/** A projection over the store, dead-lettering to the fake broker, handlers added by each test. */
function projectionOver(store: MemoryStore, kafka: FakeKafka): TestProjection {
  return new TestProjection(
    { kafka: kafka as unknown as Kafka, group, metrics: new MessagingMetrics(new Registry()), states: new ConsumerStateRegistry(), handlerAttempts: 3 },
    store,
  );
}

function record(offset: number, poison = false): KafkaMessage {
  const objectId = `indicator--${randomUUID()}`;
  const event = buildEvent(
    'IndicatorPublished',
    { objectId, version: '2026-11-01T00:00:00.000Z', object: { type: 'indicator', id: objectId, poison }, submissionId: randomUUID(), sourceObjectId: objectId, heldFieldCount: 0 },
    { key: objectId, producer: 'test', correlationId: randomUUID(), causationId: null, occurredAt: new Date() },
  );
  const message = encodeEvent(event);
  return {
    key: Buffer.from(objectId),
    value: Buffer.from(message.value as string),
    headers: message.headers,
    offset: String(offset),
    timestamp: '0',
    attributes: 0,
    size: 0,
  } as KafkaMessage;
}

const eventIdOf = (message: KafkaMessage) => (JSON.parse(message.value!.toString()) as { eventId: string }).eventId;

describe('KafkaProjectionServer', () => {
  let store: MemoryStore;
  let kafka: FakeKafka;
  let server: TestProjection;
  let resolved: string[];
  let running: boolean;

  beforeEach(() => {
    store = new MemoryStore();
    kafka = new FakeKafka();
    server = projectionOver(store, kafka);
    server.addHandler(
      consumes(group, 'IndicatorPublished'),
      (event: EventOf<'IndicatorPublished'>, ctx: ProjectionContext<Tx>) => {
        ctx.tx.applied.push(event.eventId);
        if (event.data.object.poison === true) {
          throw new TypeError('projection bug');
        }
        return Promise.resolve();
      },
      true,
    );
    resolved = [];
    running = true;
  });

  function deliver(messages: KafkaMessage[], partition = 0): Promise<void> {
    const batch = { topic, partition, highWatermark: String(Number(messages.at(-1)!.offset) + 1), messages, lastOffset: () => messages.at(-1)!.offset } as unknown as Batch;
    const payload = {
      batch,
      resolveOffset: (offset: string) => void resolved.push(offset),
      heartbeat: () => Promise.resolve(),
      commitOffsetsIfNecessary: () => Promise.resolve(),
      isRunning: () => running,
      isStale: () => false,
    } as unknown as EachBatchPayload;
    return server.processOne(payload);
  }

  const checkpoint = (partition = 0) => store.tables.checkpoints.get(`${group}|${topic}|${partition}`);

  it('fetches as the group asks, or with the projections\' default', () => {
    expect(server.fetch()).toEqual(PROJECTION_FETCH);
    const patient = new TestProjection(
      { kafka: kafka as unknown as Kafka, group, metrics: new MessagingMetrics(new Registry()), states: new ConsumerStateRegistry(), fetch: { minBytes: 1 << 20, maxWaitTimeInMs: 1_000 } },
      store,
    );
    expect(patient.fetch()).toEqual({ minBytes: 1 << 20, maxWaitTimeInMs: 1_000 });
  });

  it('applies a batch and moves the checkpoint and the Kafka offset past it', async () => {
    const records = [record(0), record(1), record(2)];
    await deliver(records);
    expect(store.tables.applied).toEqual(records.map(eventIdOf));
    expect(checkpoint()).toBe('3');
    expect(resolved).toEqual(['2']);
  });

  it('rolls back a poison record, dead-letters it with its origin and applies exactly the others', async () => {
    const records = [record(0), record(1), record(2, true), record(3)];
    await deliver(records);
    expect(store.tables.applied).toEqual([records[0]!, records[1]!, records[3]!].map(eventIdOf));
    expect(checkpoint()).toBe('4');
    expect(kafka.sent).toHaveLength(1);
    const headers = kafka.sent[0]!.headers!;
    expect(headers[DEAD_LETTER_HEADERS.originTopic]).toBe(topic);
    expect(headers[DEAD_LETTER_HEADERS.originPartition]).toBe('0');
    expect(headers[DEAD_LETTER_HEADERS.originOffset]).toBe('2');
    expect(headers[DEAD_LETTER_HEADERS.errorClass]).toBe('TypeError');
  });

  it('never moves the checkpoint back when Kafka redelivers records it has passed', async () => {
    const records = [0, 1, 2, 3, 4, 5].map((offset) => record(offset));
    await deliver(records);
    // Kafka's advisory offset was lost: the first records come again, in a batch of their own.
    await deliver(records.slice(0, 3));
    expect(checkpoint()).toBe('6');
    expect(resolved.at(-1)).toBe('5');
    await deliver(records.slice(3));
    await deliver(records.slice(2, 6).concat(record(6)));
    expect(store.tables.applied).toHaveLength(7);
    expect(new Set(store.tables.applied).size).toBe(7);
    expect(checkpoint()).toBe('7');
  });

  it('keeps partitions apart: one partition checkpoint does not skip records of another', async () => {
    await deliver([record(0), record(1), record(2)], 0);
    await deliver([record(0), record(1)], 1);
    expect(store.tables.applied).toHaveLength(5);
    expect([checkpoint(0), checkpoint(1)]).toEqual(['3', '2']);
  });

  it('redoes the batch after a transient failure and applies it once', async () => {
    store.failNextTransactions.push(new RetriableError('deadlock'));
    const records = [record(0), record(1)];
    await deliver(records);
    expect(store.tables.applied).toEqual(records.map(eventIdOf));
    expect(checkpoint()).toBe('2');
  });

  it('commits nothing when the dead letter cannot be sent, and retries with a fresh producer', async () => {
    kafka.failSends = 1;
    const records = [record(0), record(1, true), record(2)];
    await expect(deliver(records)).rejects.toThrow('request timed out');
    expect(store.tables.applied).toEqual([]);
    expect(checkpoint()).toBeUndefined();
    expect(kafka.disconnected).toBe(1);

    // kafkajs delivers the batch again.
    await deliver(records);
    expect(kafka.producersCreated).toBe(2);
    expect(kafka.sent).toHaveLength(1);
    expect(store.tables.applied).toEqual([records[0]!, records[2]!].map(eventIdOf));
    expect(checkpoint()).toBe('3');
  });

  it('sends one dead letter when the batch is redelivered after its dead letter was acknowledged', async () => {
    const records = [record(0), record(1, true), record(2)];
    // The redo after the dead letter fails (the process loses its database, say) and kafkajs retries.
    store.failNextTransactions.push(new TypeError('connection lost for good'));
    await expect(deliver(records)).rejects.toThrow('connection lost for good');
    expect(kafka.sent).toHaveLength(1);
    await deliver(records);
    expect(kafka.sent).toHaveLength(1);
    expect(store.tables.applied).toEqual([records[0]!, records[2]!].map(eventIdOf));
    expect(checkpoint()).toBe('3');
  });

  it('passes over a record whose type header names a type it has no handler for, without decoding it', async () => {
    const other = { ...record(1), value: Buffer.from('not an event'), headers: { [ENVELOPE_HEADERS.type]: 'SubmissionRejected' } } as KafkaMessage;
    const records = [record(0), other, record(2)];
    await deliver(records);
    expect(store.tables.applied).toEqual([records[0]!, records[2]!].map(eventIdOf));
    expect(kafka.sent).toHaveLength(0);
    expect(checkpoint()).toBe('3');
  });

  it('dead-letters an unreadable record whose type header names a type it handles', async () => {
    const unreadable = { ...record(1), value: Buffer.from('not an event') } as KafkaMessage;
    await deliver([record(0), unreadable]);
    expect(kafka.sent).toHaveLength(1);
    expect(checkpoint()).toBe('2');
  });

  it('applies nothing and resolves no offset once the consumer is stopping', async () => {
    running = false;
    await deliver([record(0)]);
    expect(store.tables.applied).toEqual([]);
    expect(resolved).toEqual([]);
  });

  describe('rows collected for one write per batch', () => {
    /** Writes rows as one call; a row containing "bad" fails the whole write, as a constraint would. */
    const writer: BatchWriter<Tx, string> = {
      write: (tx, rows) => {
        if (rows.some((row) => row.startsWith('bad'))) {
          return Promise.reject(new TypeError('check constraint violated'));
        }
        tx.writes.push([...rows]);
        return Promise.resolve();
      },
    };

    beforeEach(() => {
      server = projectionOver(store, kafka);
      server.addHandler(
        consumes(group, 'IndicatorPublished'),
        (event: EventOf<'IndicatorPublished'>, ctx: ProjectionContext<Tx>) => {
          ctx.collect(writer, event.data.object.poison === true ? `bad ${ctx.offset}` : ctx.offset);
          return Promise.resolve();
        },
        true,
      );
    });

    it('writes the rows of a batch in one call, in record order, with the checkpoint', async () => {
      await deliver([record(0), record(1), record(2)]);
      expect(store.tables.writes).toEqual([['0', '1', '2']]);
      expect(checkpoint()).toBe('3');
    });

    it('redoes a batch whose write fails record by record: the failing record is dead-lettered, the others written once', async () => {
      await deliver([record(0), record(1, true), record(2)]);
      expect(store.tables.writes).toEqual([['0'], ['2']]);
      expect(kafka.sent).toHaveLength(1);
      expect(kafka.sent[0]!.headers![DEAD_LETTER_HEADERS.originOffset]).toBe('1');
      expect(checkpoint()).toBe('3');
      // Once that batch committed, the partition writes batch-wise again.
      await deliver([record(3), record(4)]);
      expect(store.tables.writes.at(-1)).toEqual(['3', '4']);
    });
  });
});
