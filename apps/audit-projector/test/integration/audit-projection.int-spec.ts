import { TOPIC_SPECS, type AnyEvent } from '@ais/contracts';
import {
  ConsumerStateRegistry,
  consumes,
  deleteTopicsWithPrefix,
  desiredTopics,
  encodeEvent,
  ensureTopics,
  KafkaProjectionServer,
  MessagingMetrics,
  type ProjectionContext,
  RetriableError,
  topicOf,
} from '@ais/messaging';
import { dataSourceOptions, migrateSchemas } from '@ais/persistence';
import { TEST_BROKERS, TEST_DATABASE_URL, uniqueName, waitFor } from '@ais/testing';
import { Kafka, logLevel } from 'kafkajs';
import { Registry } from 'prom-client';
import { DataSource, type EntityManager } from 'typeorm';
import { auditSchemaOwner } from '../../src/migrations';
import { AuditBatch } from '../../src/projection/audit-batch';
import { AUDIT_EVENT_TYPES, AUDIT_GROUP, auditTopics, type AuditEvent } from '../../src/projection/audit-events';
import { AuditProjectionStore } from '../../src/projection/audit-projection.store';
import { AuditProjection } from '../../src/projection/audit.projection';
import { replayAudit } from '../../src/replay/audit-replay';
import { verifyUsageLog, type SqlRunner } from '../../src/usage/usage-log.repository';
import { mixedEvents } from './audit-fixtures';

/** Fails the first `crashes` transactions after the batch's rows and checkpoint were written, before commit. */
class CrashingStore extends AuditProjectionStore {
  crashes = 0;

  override async saveCheckpoint(tx: EntityManager, group: string, topic: string, partition: number, nextOffset: string): Promise<void> {
    await super.saveCheckpoint(tx, group, topic, partition, nextOffset);
    if (this.crashes > 0) {
      this.crashes -= 1;
      throw new TypeError('crash before commit');
    }
  }
}

describe('audit projections on Kafka and PostgreSQL', () => {
  const kafka = new Kafka({ clientId: 'audit-projection-test', brokers: TEST_BROKERS, logLevel: logLevel.NOTHING });
  let prefix: string;
  let schema: string;
  let dataSource: DataSource;
  let servers: KafkaProjectionServer<EntityManager>[];

  beforeEach(async () => {
    prefix = `${uniqueName()}.`;
    schema = uniqueName('test').replace(/-/g, '_');
    servers = [];
    await migrateSchemas(TEST_DATABASE_URL, [auditSchemaOwner(schema)]);
    dataSource = await new DataSource(dataSourceOptions({ url: TEST_DATABASE_URL, schema, migrations: [] })).initialize();
    const audit = new Set(auditTopics());
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, desiredTopics({ partitions: 2, replicationFactor: 1 }, prefix, TOPIC_SPECS.filter((spec) => audit.has(spec.name))));
    await admin.disconnect();
  });

  afterEach(async () => {
    for (const server of servers) {
      await server.close();
    }
    await dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
    await dataSource.destroy();
    const admin = kafka.admin();
    await admin.connect();
    await deleteTopicsWithPrefix(admin, prefix).catch(() => undefined);
    await admin.disconnect();
  });

  /** The projection as audit-projector runs it: the transport, the store, the Nest handler. */
  async function startProjection(store: AuditProjectionStore, failOnce?: { atEvent: number }, states = new ConsumerStateRegistry()): Promise<KafkaProjectionServer<EntityManager>> {
    const server = new KafkaProjectionServer<EntityManager>(
      { kafka, group: AUDIT_GROUP, metrics: new MessagingMetrics(new Registry()), states, topicPrefix: prefix, sessionTimeoutMs: 10_000 },
      store,
    );
    const projection = new AuditProjection(store);
    let seen = 0;
    for (const type of AUDIT_EVENT_TYPES) {
      server.addHandler(
        consumes(AUDIT_GROUP, type),
        (event: AnyEvent, ctx: ProjectionContext<EntityManager>) => {
          seen += 1;
          if (failOnce !== undefined && seen === failOnce.atEvent) {
            // Halfway through a batch: the transaction is rolled back and the batch redone.
            throw new RetriableError('connection lost mid-batch');
          }
          projection.apply(event, ctx);
          return Promise.resolve();
        },
        true,
      );
    }
    await new Promise<void>((resolve, reject) => void server.listen((error?: unknown) => (error === undefined ? resolve() : reject(error as Error))));
    servers.push(server);
    return server;
  }

  async function publish(events: readonly AnyEvent[]): Promise<void> {
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const byTopic = new Map<string, ReturnType<typeof encodeEvent>[]>();
    for (const event of events) {
      const topic = topicOf(event, prefix);
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), encodeEvent(event)]);
    }
    await producer.sendBatch({ topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })), acks: -1 });
    await producer.disconnect();
  }

  const checkpointSum = async () =>
    Number(
      (await dataSource.query<{ n: string }[]>(`SELECT coalesce(sum(next_offset), 0) AS n FROM "${schema}".projection_checkpoints WHERE consumer_group = $1`, [prefix + AUDIT_GROUP]))[0]?.n,
    );

  async function rows(): Promise<{ counts: string[]; usage: number; duplicates: number }> {
    const counts: { row: string }[] = await dataSource.query(
      `SELECT to_char(day, 'YYYY-MM-DD') || ' ' || metric || ' ' || dimension || ' ' || value AS row FROM "${schema}".daily_counts ORDER BY 1`,
    );
    const usage: { n: string; d: string }[] = await dataSource.query(`SELECT count(*) AS n, count(*) - count(DISTINCT event_id) AS d FROM "${schema}".usage_log`);
    return { counts: counts.map((r) => r.row), usage: Number(usage[0]?.n), duplicates: Number(usage[0]?.d) };
  }

  /** What the events must project to, from the pure deciders. */
  function expected(events: readonly AnyEvent[]): { counts: string[]; usage: number; duplicates: number } {
    const batch = new AuditBatch();
    events.forEach((event) => batch.add(event as AuditEvent));
    return { counts: batch.countRows().map((c) => `${c.day} ${c.metric} ${c.dimension} ${c.value}`).sort(), usage: batch.usageEntries().length, duplicates: 0 };
  }

  it('counts every event exactly once though a batch fails halfway and the consumer crashes before a commit and restarts', async () => {
    const crashing = new CrashingStore(dataSource, schema);
    crashing.crashes = 1;
    const states = new ConsumerStateRegistry();
    // A transient failure at the 7th event redoes its batch in place; then a commit fails and the
    // consumer stops, as a process killed mid-batch would.
    await startProjection(crashing, { atEvent: 7 }, states);
    const events = mixedEvents(60);
    await publish(events);
    await waitFor(() => states.all()[0]?.crashed === true, { timeoutMs: 60_000, description: 'the consumer crashed' });
    expect(crashing.crashes).toBe(0);
    const applied = await checkpointSum();
    expect(applied).toBeLessThan(events.length);

    // The process restarts: a new consumer of the same group.
    await servers.pop()!.close();
    await startProjection(new AuditProjectionStore(dataSource, schema));
    await waitFor(async () => (await checkpointSum()) === events.length, { timeoutMs: 60_000, description: `checkpoints at ${events.length}` });
    expect(await rows()).toEqual(expected(events));
    expect(await verifyUsageLog(dataSource, schema)).toMatchObject({ ok: true, entries: expected(events).usage });
  });

  it('applies nothing twice when Kafka forgot the group’s offsets and redelivers from 0', async () => {
    const store = new AuditProjectionStore(dataSource, schema);
    await startProjection(store);
    const first = mixedEvents(30);
    await publish(first);
    await waitFor(async () => (await checkpointSum()) === first.length, { timeoutMs: 60_000, description: 'first half applied' });

    await servers.pop()!.close();
    const admin = kafka.admin();
    await admin.connect();
    // Forgetting the group altogether: the next member starts from offset 0 on every partition.
    await admin.deleteGroups([prefix + AUDIT_GROUP]);
    await admin.disconnect();

    await startProjection(store);
    const second = mixedEvents(30, Date.UTC(2026, 10, 2));
    await publish(second);
    const all = [...first, ...second];
    await waitFor(async () => (await checkpointSum()) === all.length, { timeoutMs: 60_000, description: 'both halves applied' });
    expect(await rows()).toEqual(expected(all));
    expect((await verifyUsageLog(dataSource, schema)).ok).toBe(true);
  });

  it('rebuilds by replay exactly the live rows, and replaying twice leaves the live tables as they were', async () => {
    await startProjection(new AuditProjectionStore(dataSource, schema));
    const events = mixedEvents(45);
    await publish(events);
    await waitFor(async () => (await checkpointSum()) === events.length, { timeoutMs: 60_000, description: 'live caught up' });
    await servers.pop()!.close();
    const before = { ...(await rows()), head: (await dataSource.query(`SELECT seq, hash FROM "${schema}".usage_chain_head`)) as unknown, checkpoints: await checkpointSum() };

    for (let run = 0; run < 2; run++) {
      const report = await replayAudit({ databaseUrl: TEST_DATABASE_URL, brokers: TEST_BROKERS, topicPrefix: prefix, liveSchema: schema, until: 'live' });
      expect(report).toMatchObject({ equal: true, records: events.length, events: events.length, undecodable: 0, failed: 0, truncated: [] });
      expect(report.comparison?.map((t) => [t.table, t.missing, t.extra])).toEqual([
        ['daily_counts', 0, 0],
        ['usage_log', 0, 0],
      ]);
      const replaySchemas: unknown[] = await dataSource.query(`SELECT schema_name FROM information_schema.schemata WHERE schema_name = $1`, [report.schema]);
      expect(replaySchemas).toEqual([]);
    }
    expect({ ...(await rows()), head: (await dataSource.query(`SELECT seq, hash FROM "${schema}".usage_chain_head`)) as unknown, checkpoints: await checkpointSum() }).toEqual(before);
  });

  it('verifies the chain as it stood when the verification began, while entries are appended', async () => {
    await startProjection(new AuditProjectionStore(dataSource, schema));
    const events = mixedEvents(10);
    await publish(events);
    await waitFor(async () => (await checkpointSum()) === events.length, { timeoutMs: 60_000, description: 'caught up' });
    const more = mixedEvents(10, Date.UTC(2026, 10, 4));
    expect(expected(more).usage).toBeGreaterThan(0);
    // Entries are appended (and the head moves) while the verification reads the log's pages.
    let appended = false;
    const appending: SqlRunner = {
      query: async <T>(text: string, parameters?: unknown[]): Promise<T> => {
        const result = await dataSource.query<T>(text, parameters);
        if (!appended && text.includes('usage_log')) {
          appended = true;
          await publish(more);
          await waitFor(async () => (await checkpointSum()) === events.length + more.length, { timeoutMs: 60_000, description: 'the appends' });
        }
        return result;
      },
    };
    expect(await verifyUsageLog(appending, schema)).toMatchObject({ ok: true, entries: expected(events).usage });
    expect(await verifyUsageLog(dataSource, schema)).toMatchObject({ ok: true, entries: expected(events).usage + expected(more).usage });
  });

  it('finds an edited and a removed usage entry, even with the append-only trigger bypassed', async () => {
    await startProjection(new AuditProjectionStore(dataSource, schema));
    const events = mixedEvents(20);
    await publish(events);
    await waitFor(async () => (await checkpointSum()) === events.length, { timeoutMs: 60_000, description: 'caught up' });
    expect(await verifyUsageLog(dataSource, schema)).toMatchObject({ ok: true });

    await expect(dataSource.query(`UPDATE "${schema}".usage_log SET actor = 'someone-else' WHERE seq = 3`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM "${schema}".usage_log WHERE seq = 3`)).rejects.toThrow(/append-only/);

    await dataSource.query(`ALTER TABLE "${schema}".usage_log DISABLE TRIGGER USER`);
    const original: { actor: string }[] = await dataSource.query(`SELECT actor FROM "${schema}".usage_log WHERE seq = 3`);
    await dataSource.query(`UPDATE "${schema}".usage_log SET actor = 'someone-else' WHERE seq = 3`);
    expect(await verifyUsageLog(dataSource, schema)).toMatchObject({ ok: false, kind: 'edited', seq: 3 });

    await dataSource.query(`UPDATE "${schema}".usage_log SET actor = $1 WHERE seq = 3`, [original[0]!.actor]);
    expect(await verifyUsageLog(dataSource, schema)).toMatchObject({ ok: true });

    await dataSource.query(`DELETE FROM "${schema}".usage_log WHERE seq = 5`);
    expect(await verifyUsageLog(dataSource, schema)).toMatchObject({ ok: false, kind: 'removed', seq: 5 });
  });
});
