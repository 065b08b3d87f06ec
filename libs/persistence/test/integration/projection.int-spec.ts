import { buildEvent, deadLetterTopicOf, Topics, type EventOf } from '@ais/contracts';
import {
  ConsumerStateRegistry,
  consumes,
  DEAD_LETTER_HEADERS,
  deleteTopicsWithPrefix,
  desiredTopics,
  encodeEvent,
  ensureTopics,
  KafkaProjectionServer,
  MessagingMetrics,
  type ProjectionContext,
  type ProjectionStore,
} from '@ais/messaging';
import { TEST_BROKERS, TEST_DATABASE_URL, TopicReader, uniqueName, waitFor } from '@ais/testing';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import { DataSource, type EntityManager } from 'typeorm';
import { checkpointMigration } from '../../src/checkpoint.migration';
import { dataSourceOptions } from '../../src/data-source.options';
import { migrateSchemas } from '../../src/migrate-schemas';
import { TypeOrmProjectionStore } from '../../src/typeorm-projection.store';

/** A projection that records every published object once per event, and fails on a marked one. */
describe('KafkaProjectionServer with its checkpoint in PostgreSQL', () => {
  const kafka = new Kafka({ clientId: 'projection-test', brokers: TEST_BROKERS, logLevel: logLevel.NOTHING });
  let prefix: string;
  let group: string;
  let schema: string;
  let dataSource: DataSource;
  let servers: KafkaProjectionServer<EntityManager>[];

  beforeEach(async () => {
    prefix = `${uniqueName()}.`;
    group = uniqueName('test-group');
    schema = uniqueName('test').replace(/-/g, '_');
    servers = [];
    await migrateSchemas(TEST_DATABASE_URL, [{ schema, migrations: [checkpointMigration(schema)] }]);
    dataSource = await new DataSource(dataSourceOptions({ url: TEST_DATABASE_URL, schema, migrations: [] })).initialize();
    await dataSource.query(`CREATE TABLE ${schema}.applied (event_id uuid NOT NULL, object_id text NOT NULL)`);
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, desiredTopics({ partitions: 2, replicationFactor: 1 }, prefix));
    await admin.disconnect();
  });

  afterEach(async () => {
    for (const server of servers) {
      await server.close();
    }
    await dataSource.query(`DROP SCHEMA ${schema} CASCADE`);
    await dataSource.destroy();
    const admin = kafka.admin();
    await admin.connect();
    await deleteTopicsWithPrefix(admin, prefix).catch(() => undefined);
    await admin.disconnect();
  });

  // Generous: under full-suite load on two cores a rebalance or a slow fsync takes seconds.
  const settled = { timeoutMs: 100_000 };

  async function startProjection(store: ProjectionStore<EntityManager> = new TypeOrmProjectionStore(dataSource, schema)): Promise<KafkaProjectionServer<EntityManager>> {
    const server = new KafkaProjectionServer<EntityManager>(
      { kafka, group, metrics: new MessagingMetrics(new Registry()), states: new ConsumerStateRegistry(), topicPrefix: prefix },
      store,
    );
    server.addHandler(
      consumes(group, 'IndicatorPublished'),
      async (event: EventOf<'IndicatorPublished'>, ctx: ProjectionContext<EntityManager>) => {
        await ctx.tx.query(`INSERT INTO ${schema}.applied (event_id, object_id) VALUES ($1, $2)`, [event.eventId, event.data.objectId]);
        if (event.data.object.poison === true) {
          throw new TypeError('projection bug');
        }
      },
      true,
    );
    await new Promise<void>((resolve, reject) => void server.listen((error?: unknown) => (error === undefined ? resolve() : reject(error as Error))));
    servers.push(server);
    return server;
  }

  /** Publishes `count` events in one send and returns their event ids. */
  async function publish(count: number, poison = false): Promise<string[]> {
    // Idempotent: a retried send under load must not put a record on the log twice, which would
    // read as a double apply.
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const events = Array.from({ length: count }, () => {
      const objectId = `indicator--${randomUUID()}`;
      const submissionId = randomUUID();
      return buildEvent(
        'IndicatorPublished',
        { objectId, version: '2026-11-01T00:00:00.000Z', object: { type: 'indicator', id: objectId, poison }, submissionId, sourceObjectId: objectId, heldFieldCount: 0 },
        { key: objectId, producer: 'test', correlationId: submissionId, causationId: null, occurredAt: new Date() },
      );
    });
    await producer.send({ topic: prefix + Topics.disseminationPublished, messages: events.map(encodeEvent), acks: -1 });
    await producer.disconnect();
    return events.map((event) => event.eventId);
  }

  const count = async (sql: string, params: unknown[] = []) => Number((await dataSource.query<{ n: string }[]>(sql, params))[0]?.n);
  const appliedCount = () => count(`SELECT count(*) AS n FROM ${schema}.applied`);
  const appliedIds = async () => (await dataSource.query<{ event_id: string }[]>(`SELECT event_id FROM ${schema}.applied`)).map((row) => row.event_id).sort();
  const checkpointSum = () => count(`SELECT coalesce(sum(next_offset), 0) AS n FROM ${schema}.projection_checkpoints WHERE consumer_group = $1`, [prefix + group]);

  it('applies each event once, even when Kafka redelivers from offset 0', async () => {
    await startProjection();
    await publish(30);
    await waitFor(async () => (await checkpointSum()) === 30, { ...settled, description: 'checkpoint at 30' });
    expect(await appliedCount()).toBe(30);

    // Kafka forgets the group's position (as after a crash before an advisory commit).
    await servers.pop()!.close();
    const admin = kafka.admin();
    await admin.connect();
    await admin.resetOffsets({ groupId: prefix + group, topic: prefix + Topics.disseminationPublished, earliest: true });
    await admin.disconnect();

    await startProjection();
    await publish(5);
    await waitFor(async () => (await checkpointSum()) === 35, { ...settled, description: 'checkpoint at 35' });
    expect(await appliedCount()).toBe(35);
    const duplicates: unknown[] = await dataSource.query(`SELECT event_id FROM ${schema}.applied GROUP BY event_id HAVING count(*) > 1`);
    expect(duplicates).toEqual([]);
  });

  it('rolls back a poison record, dead-letters it once and applies exactly the others', async () => {
    const dlqTopic = deadLetterTopicOf(prefix + Topics.disseminationPublished);
    const reader = await new TopicReader().start([dlqTopic]);
    try {
      await startProjection();
      const good = await publish(3);
      const [poisonId] = await publish(1, true);
      good.push(...(await publish(3)));

      await waitFor(async () => (await checkpointSum()) === 7, { ...settled, description: 'checkpoint past all 7 records' });
      // The poison handler's own insert was rolled back with it; every good event applied once.
      expect(await appliedIds()).toEqual([...good].sort());

      // The dead letter was acknowledged before the checkpoint moved past its record.
      const offsets = await kafkaAdmin((admin) => admin.fetchTopicOffsets(dlqTopic));
      expect(offsets.map((o) => o.high)).toEqual(['1']);
      const [deadLetter] = await waitFor(() => reader.records.length === 1 && reader.records, { ...settled, description: 'the dead letter read' });
      const headers = deadLetter!.message.headers ?? {};
      const header = (name: string) => headers[name]?.toString();
      expect((JSON.parse(deadLetter!.message.value!.toString()) as { eventId: string }).eventId).toBe(poisonId);
      expect(header(DEAD_LETTER_HEADERS.originTopic)).toBe(prefix + Topics.disseminationPublished);
      expect(header(DEAD_LETTER_HEADERS.group)).toBe(prefix + group);
      expect(header(DEAD_LETTER_HEADERS.errorClass)).toBe('TypeError');
      const origin = { partition: Number(header(DEAD_LETTER_HEADERS.originPartition)), offset: header(DEAD_LETTER_HEADERS.originOffset) };
      const partitionCheckpoint = await count(
        `SELECT next_offset AS n FROM ${schema}.projection_checkpoints WHERE consumer_group = $1 AND partition = $2`,
        [prefix + group, origin.partition],
      );
      expect(BigInt(origin.offset!)).toBeLessThan(BigInt(partitionCheckpoint));
    } finally {
      await reader.stop();
    }
  });

  it('applies nothing twice when Kafka redelivers a batch whose rows were committed but whose offset was not', async () => {
    const store = new TypeOrmProjectionStore(dataSource, schema);
    let crashes = 0;
    let committedAfterCrashes = 0;
    // The first two batches "crash" right after their database commit, before the Kafka offset is
    // resolved or committed: kafkajs fetches them again from the old offset, as a restart would.
    const crashingStore: ProjectionStore<EntityManager> = {
      lockCheckpoint: (tx, ...key) => store.lockCheckpoint(tx, ...key),
      saveCheckpoint: (tx, ...rest) => store.saveCheckpoint(tx, ...rest),
      transaction: async (work) => {
        const result = await store.transaction(work);
        if (crashes < 2) {
          crashes++;
          throw new Error('simulated crash after the database commit');
        }
        committedAfterCrashes++;
        return result;
      },
    };
    await startProjection(crashingStore);
    const ids = await publish(20);
    // Both crashed batches redelivered and gone through (kafkajs refetches them before anything newer).
    await waitFor(async () => crashes === 2 && committedAfterCrashes >= 2 && (await checkpointSum()) === 20, { ...settled, description: 'redelivered batches done, checkpoint at 20' });
    expect(await appliedIds()).toEqual([...ids].sort());

    // A new member of the group (a restart) that Kafka sends back to offset 0.
    await servers.pop()!.close();
    await kafkaAdmin((admin) => admin.resetOffsets({ groupId: prefix + group, topic: prefix + Topics.disseminationPublished, earliest: true }));
    await startProjection();
    ids.push(...(await publish(4)));
    await waitFor(async () => (await checkpointSum()) === 24, { ...settled, description: 'checkpoint at 24' });
    expect(await appliedIds()).toEqual([...ids].sort());
  });

  async function kafkaAdmin<T>(use: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      return await use(admin);
    } finally {
      await admin.disconnect();
    }
  }
});
