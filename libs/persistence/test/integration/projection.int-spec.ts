import { buildEvent, Topics, type EventOf } from '@ais/contracts';
import {
  ConsumerStateRegistry,
  consumes,
  desiredTopics,
  encodeEvent,
  ensureTopics,
  KafkaProjectionServer,
  MessagingMetrics,
  type ProjectionContext,
} from '@ais/messaging';
import { TEST_BROKERS, TEST_DATABASE_URL, uniqueName, waitFor } from '@ais/testing';
import { Kafka, logLevel } from 'kafkajs';
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
    await admin.deleteTopics({ topics: (await admin.listTopics()).filter((t) => t.startsWith(prefix)) }).catch(() => undefined);
    await admin.disconnect();
  });

  async function startProjection(): Promise<KafkaProjectionServer<EntityManager>> {
    const server = new KafkaProjectionServer<EntityManager>(
      { kafka, group, metrics: new MessagingMetrics(new Registry()), states: new ConsumerStateRegistry(), topicPrefix: prefix },
      new TypeOrmProjectionStore(dataSource, schema),
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

  async function publish(count: number, poison = false): Promise<void> {
    const producer = kafka.producer();
    await producer.connect();
    const messages = Array.from({ length: count }, () => {
      const objectId = `indicator--${randomUUID()}`;
      const submissionId = randomUUID();
      return encodeEvent(
        buildEvent(
          'IndicatorPublished',
          { objectId, version: '2026-11-01T00:00:00.000Z', object: { type: 'indicator', id: objectId, poison }, submissionId, sourceObjectId: objectId, heldFieldCount: 0 },
          { key: objectId, producer: 'test', correlationId: submissionId, causationId: null, occurredAt: new Date() },
        ),
      );
    });
    await producer.send({ topic: prefix + Topics.disseminationPublished, messages, acks: -1 });
    await producer.disconnect();
  }

  const count = async (sql: string, params: unknown[] = []) => Number((await dataSource.query<{ n: string }[]>(sql, params))[0]?.n);
  const appliedCount = () => count(`SELECT count(*) AS n FROM ${schema}.applied`);
  const checkpointSum = () => count(`SELECT coalesce(sum(next_offset), 0) AS n FROM ${schema}.projection_checkpoints WHERE consumer_group = $1`, [prefix + group]);

  it('applies each event once, even when Kafka redelivers from offset 0', async () => {
    await startProjection();
    await publish(30);
    await waitFor(async () => (await checkpointSum()) === 30, { description: 'checkpoint at 30' });
    expect(await appliedCount()).toBe(30);

    // Kafka forgets the group's position (as after a crash before an advisory commit).
    await servers.pop()!.close();
    const admin = kafka.admin();
    await admin.connect();
    await admin.resetOffsets({ groupId: prefix + group, topic: prefix + Topics.disseminationPublished, earliest: true });
    await admin.disconnect();

    await startProjection();
    await publish(5);
    await waitFor(async () => (await checkpointSum()) === 35, { description: 'checkpoint at 35' });
    expect(await appliedCount()).toBe(35);
    const duplicates: unknown[] = await dataSource.query(`SELECT event_id FROM ${schema}.applied GROUP BY event_id HAVING count(*) > 1`);
    expect(duplicates).toEqual([]);
  });
});
