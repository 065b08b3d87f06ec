import type { Principal } from '@ais/auth';
import { buildEvent, Topics, type AnyEvent, type EventOf, type SealedBlob, type SealedSubmission } from '@ais/contracts';
import {
  ConsumerStateRegistry,
  consumes,
  deleteTopicsWithPrefix,
  desiredTopics,
  encodeEvent,
  ensureTopics,
  EventPublisher,
  KafkaProjectionServer,
  MessagingMetrics,
  type ProjectionContext,
} from '@ais/messaging';
import { CodedError } from '@ais/observability';
import { dataSourceOptions, migrateSchemas, TypeOrmProjectionStore } from '@ais/persistence';
import { KEYSTORE_SCHEMA_OWNER, PostgresKeyStore, Sealer } from '@ais/sealing';
import { ScratchDatabase, TEST_BROKERS, TopicReader, uniqueName, waitFor } from '@ais/testing';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import { DataSource, type EntityManager } from 'typeorm';
import { REVIEW_SCHEMA, REVIEW_SERVICE_SCHEMA } from '../../src/migrations';
import type { ManualSubmissionContent } from '../../src/triage/manual-submission-content';
import { TriageAdapter } from '../../src/triage/triage.adapter';
import { TriageErrorCode } from '../../src/triage/triage.decider';
import { TriageProjection } from '../../src/triage/triage.projection';
import { TriageRepository } from '../../src/triage/triage.repository';

const MASTER_KEY = Buffer.alloc(32, 3);

function analyst(id = randomUUID()): Principal {
  return { id, username: 'ana', role: 'analyst', organisation: 'DHS', sectors: [], city: null, state: null, country: 'US', defaultConsent: 'none', federalEntity: null };
}

/**
 * The triage queue against the real broker and PostgreSQL: the projection (idempotent, and
 * converging whatever the order of its two topics) and the adapter's decisions (one event per
 * decision, the STIX sealed under the submission's own key).
 */
describe('triage queue', () => {
  const kafka = new Kafka({ clientId: 'triage-test', brokers: TEST_BROKERS, logLevel: logLevel.NOTHING });
  const database = new ScratchDatabase('review');
  const prefix = `${uniqueName()}.`;
  const group = uniqueName('test-group');
  let dataSource: DataSource;
  let sealer: Sealer;
  let server: KafkaProjectionServer<EntityManager>;
  let publisher: EventPublisher;
  let adapter: TriageAdapter;
  let reader: TopicReader;

  beforeAll(async () => {
    await database.create();
    const url = database.url;
    await migrateSchemas(url, [KEYSTORE_SCHEMA_OWNER, REVIEW_SERVICE_SCHEMA]);
    dataSource = await new DataSource(dataSourceOptions({ url, schema: REVIEW_SCHEMA, migrations: [] })).initialize();
    sealer = new Sealer(new PostgresKeyStore(dataSource, MASTER_KEY));
    const kafkaAdmin = kafka.admin();
    await kafkaAdmin.connect();
    await ensureTopics(kafkaAdmin, desiredTopics({ partitions: 2, replicationFactor: 1 }, prefix));
    await kafkaAdmin.disconnect();

    const repository = new TriageRepository(dataSource);
    const projection = new TriageProjection(repository, sealer);
    server = new KafkaProjectionServer<EntityManager>(
      { kafka, group, metrics: new MessagingMetrics(new Registry()), states: new ConsumerStateRegistry(), topicPrefix: prefix },
      new TypeOrmProjectionStore(dataSource, REVIEW_SCHEMA),
    );
    type Ctx = ProjectionContext<EntityManager>;
    server.addHandler(consumes(group, 'ManualSubmissionReceived'), (e: EventOf<'ManualSubmissionReceived'>, c: Ctx) => projection.received(e, c), true);
    server.addHandler(consumes(group, 'TriageAccepted'), (e: EventOf<'TriageAccepted'>, c: Ctx) => projection.accepted(e, c), true);
    server.addHandler(consumes(group, 'TriageRejected'), (e: EventOf<'TriageRejected'>, c: Ctx) => projection.rejected(e, c), true);
    await new Promise<void>((resolve, reject) => void server.listen((error?: unknown) => (error === undefined ? resolve() : reject(error as Error))));

    publisher = new EventPublisher(kafka, new MessagingMetrics(new Registry()), prefix);
    adapter = new TriageAdapter(dataSource, repository, sealer, publisher);
    reader = await new TopicReader().start([prefix + Topics.reviewTriage]);
  });

  afterAll(async () => {
    await reader?.stop();
    await server?.close();
    await publisher?.disconnect();
    await dataSource?.destroy();
    await database.drop();
    const kafkaAdmin = kafka.admin();
    await kafkaAdmin.connect();
    await deleteTopicsWithPrefix(kafkaAdmin, prefix).catch(() => undefined);
    await kafkaAdmin.disconnect();
  });

  async function send(events: AnyEvent[]): Promise<void> {
    const producer = kafka.producer();
    await producer.connect();
    for (const event of events) {
      await producer.send({ topic: prefix + (event.type === 'ManualSubmissionReceived' ? Topics.intakeManualSubmissions : Topics.reviewTriage), messages: [encodeEvent(event)], acks: -1 });
    }
    await producer.disconnect();
  }

  async function received(fields: Partial<ManualSubmissionContent['fields']> = {}): Promise<{ event: EventOf<'ManualSubmissionReceived'>; sealed: SealedBlob }> {
    const submissionId = randomUUID();
    const receivedAt = '2026-11-01T12:00:00.000Z';
    const content: ManualSubmissionContent = {
      channel: 'web-form',
      receivedAt,
      fields: {
        kind: 'indicator',
        title: 'Scanning host',
        observableType: 'url',
        observableValue: "https://evil.example/it's",
        tlp: 'amber',
        organisation: 'Jane Doe Consulting',
        contactEmail: 'jane.doe@consulting.example',
        sector: 'energy',
        country: 'US',
        consent: 'usg',
        ...fields,
      },
    };
    const sealed = await sealer.seal(submissionId, content);
    const event = buildEvent(
      'ManualSubmissionReceived',
      { submissionId, channel: 'web-form', kind: content.fields.kind, receivedAt, sealedContent: sealed },
      { key: submissionId, producer: 'test', correlationId: submissionId, causationId: null, occurredAt: new Date(receivedAt) },
    );
    return { event, sealed };
  }

  const task = async (id: string) => (await dataSource.query<Record<string, unknown>[]>(`SELECT * FROM review.tasks WHERE id = $1`, [id]))[0];

  it('opens one task per submission with the sealed blob only, however often the event comes', async () => {
    const { event, sealed } = await received();
    await send([event, event]);
    await waitFor(async () => (await task(event.data.submissionId)) !== undefined, { description: 'the task' });
    await send([event]);
    // This database has only this test's projection: its checkpoints count the records applied.
    await waitFor(async () => Number((await dataSource.query<{ n: string }[]>(`SELECT sum(next_offset) AS n FROM review.projection_checkpoints`))[0]?.n) >= 3, {
      description: 'all three records applied',
    });
    const rows = await dataSource.query<Record<string, unknown>[]>(`SELECT * FROM review.tasks WHERE submission_id = $1`, [event.data.submissionId]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'triage', state: 'open', channel: 'web-form', submission_kind: 'indicator', sealed_content: sealed });
    expect(JSON.stringify(rows)).not.toContain('Jane');
  });

  it('starts a task in its decided state when the decision is replayed before the submission', async () => {
    const { event } = await received();
    const submissionId = event.data.submissionId;
    const decidedBy = randomUUID();
    await send([
      buildEvent('TriageRejected', { submissionId, channel: 'web-form', decidedBy, reason: 'spam' }, { key: submissionId, producer: 'test', correlationId: submissionId, causationId: null, occurredAt: new Date() }),
    ]);
    await waitFor(async () => (await dataSource.query<unknown[]>(`SELECT 1 FROM review.triage_decisions WHERE submission_id = $1`, [submissionId])).length === 1, {
      description: 'the decision recorded',
    });
    await send([event]);
    await waitFor(async () => (await task(submissionId)) !== undefined, { description: 'the task' });
    expect(await task(submissionId)).toMatchObject({ state: 'rejected', decided_by: decidedBy });
    await expect(adapter.view(submissionId, analyst(), new Date())).resolves.toMatchObject({ state: 'rejected', contentStatus: 'deleted', content: null });
  });

  it('publishes one TriageAccepted for two concurrent accepts, with the STIX sealed under the submission key', async () => {
    const { event } = await received();
    const submissionId = event.data.submissionId;
    await send([event]);
    await waitFor(async () => (await task(submissionId)) !== undefined, { description: 'the task' });
    const ana = analyst();
    await expect(adapter.accept(submissionId, ana, new Date())).rejects.toMatchObject({ code: TriageErrorCode.NotClaimed });
    await adapter.claim(submissionId, ana, new Date());
    await expect(adapter.claim(submissionId, analyst(), new Date())).rejects.toMatchObject({ code: TriageErrorCode.ClaimedByAnother });

    const decidedAt = new Date('2026-11-02T09:30:00.000Z');
    const outcomes = await Promise.allSettled([adapter.accept(submissionId, ana, decidedAt), adapter.accept(submissionId, ana, decidedAt)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refusal = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')?.reason as CodedError;
    expect(refusal).toBeInstanceOf(CodedError);
    expect(refusal.code).toBe(TriageErrorCode.AlreadyDecided);

    const acceptedEvents = () =>
      reader.valuesOn<EventOf<'TriageAccepted'>>(prefix + Topics.reviewTriage).filter((e) => e.type === 'TriageAccepted' && e.data.submissionId === submissionId);
    const [first] = await waitFor(() => (acceptedEvents().length > 0 ? acceptedEvents() : undefined), { description: 'TriageAccepted' });
    // A later marker on the same partition: once the reader has it, a duplicate would have shown up too.
    const marker = buildEvent(
      'TriageRejected',
      { submissionId, channel: 'web-form', decidedBy: ana.id, reason: 'marker' },
      { key: submissionId, producer: 'test', correlationId: submissionId, causationId: null, occurredAt: new Date() },
    );
    await send([marker]);
    await waitFor(() => reader.valuesOn<{ eventId: string }>(prefix + Topics.reviewTriage).some((e) => e.eventId === marker.eventId), { description: 'the marker' });
    expect(acceptedEvents()).toHaveLength(1);
    const data = first!.data;
    expect(data).toMatchObject({ channel: 'web-form', decidedBy: ana.id, objectCount: 1, sealedContent: { keyId: submissionId } });

    const submission = await sealer.open<SealedSubmission>(data.sealedContent);
    expect(submission.objects).toEqual([
      expect.objectContaining({
        type: 'indicator',
        created: decidedAt.toISOString(),
        modified: decidedAt.toISOString(),
        pattern: "[url:value = 'https://evil.example/it\\'s']",
        object_marking_refs: ['marking-definition--f88d31f6-486f-44da-b317-01333bde0b82'],
      }),
    ]);
    expect(submission.submitter).toMatchObject({ organisation: 'Jane Doe Consulting', profile: { sectors: ['energy'], country: 'US' }, defaultConsent: 'usg' });
    expect(await task(submissionId)).toMatchObject({ state: 'accepted', decided_by: ana.id });
    const actions = await dataSource.query<{ action: string; principal_id: string }[]>(`SELECT action, principal_id FROM review.task_actions WHERE task_id = $1 ORDER BY id`, [submissionId]);
    expect(actions).toEqual([
      { action: 'claim', principal_id: ana.id },
      { action: 'accept', principal_id: ana.id },
    ]);
  });

  it('rejects, writes TriageRejected with the reason, and destroys the key', async () => {
    const { event, sealed } = await received();
    const submissionId = event.data.submissionId;
    await send([event]);
    await waitFor(async () => (await task(submissionId)) !== undefined, { description: 'the task' });
    const ana = analyst();
    await adapter.claim(submissionId, ana, new Date());
    await expect(adapter.reject(submissionId, ana, 'not a threat', new Date())).resolves.toMatchObject({ state: 'rejected', decidedBy: ana.id });
    await expect(sealer.open(sealed)).rejects.toThrow('destroyed');
    await waitFor(() => reader.valuesOn<EventOf<'TriageRejected'>>(prefix + Topics.reviewTriage).find((e) => e.type === 'TriageRejected' && e.data.submissionId === submissionId), {
      description: 'TriageRejected',
    });
  });
});
