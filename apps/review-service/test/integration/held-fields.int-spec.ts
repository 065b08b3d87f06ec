import type { Principal } from '@ais/auth';
import { buildEvent, Topics, type EventEnvelope, type EventOf, type SealedBlob, type StixObject } from '@ais/contracts';
import { ConsumerStateRegistry, consumes, deleteTopicsWithPrefix, desiredTopics, encodeEvent, ensureTopics, EventPublisher, KafkaProjectionServer, MessagingMetrics, type ProjectionContext } from '@ais/messaging';
import { CodedError } from '@ais/observability';
import { dataSourceOptions, migrateSchemas, TypeOrmProjectionStore } from '@ais/persistence';
import { KEYSTORE_SCHEMA_OWNER, PostgresKeyStore, Sealer } from '@ais/sealing';
import { ScratchDatabase, TEST_BROKERS, TopicReader, uniqueName, waitFor } from '@ais/testing';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import { DataSource, type EntityManager } from 'typeorm';
import { HeldFieldErrorCode } from '../../src/held-fields/held-fields-errors';
import { HeldFieldsAdapter } from '../../src/held-fields/held-fields.adapter';
import { HeldFieldsProjection } from '../../src/held-fields/held-fields.projection';
import { heldFieldTaskId, HeldFieldsRepository } from '../../src/held-fields/held-fields.repository';
import { ReviewTaskViewController } from '../../src/held-fields/review-task-view.controller';
import { REVIEW_SCHEMA, REVIEW_SERVICE_SCHEMA } from '../../src/migrations';
import { ReviewTasksRepository } from '../../src/tasks/review-tasks.repository';
import { TriageAdapter } from '../../src/triage/triage.adapter';
import { TriageRepository } from '../../src/triage/triage.repository';

const MASTER_KEY = Buffer.alloc(32, 5);
const VICTIM_EMAIL = 'dana.whitfield@riverside-clinic.example';
const VICTIM_NAME = 'Dana Whitfield';

function analyst(id = randomUUID()): Principal {
  return { id, username: 'ana', role: 'analyst', organisation: 'DHS', sectors: [], city: null, state: null, country: 'US', defaultConsent: 'none', federalEntity: null };
}

/**
 * The held-field queue against the real broker and PostgreSQL: `FieldsHeld` becomes one open task
 * with the seal only (idempotent on redelivery and on re-screening), and an analyst's view opens
 * the seal, shows each value in its object's context, and is recorded with the analyst's id.
 */
describe('held-field queue', () => {
  const kafka = new Kafka({ clientId: 'held-fields-test', brokers: TEST_BROKERS, logLevel: logLevel.NOTHING });
  const database = new ScratchDatabase('review');
  const prefix = `${uniqueName()}.`;
  const group = uniqueName('test-group');
  let dataSource: DataSource;
  let sealer: Sealer;
  let server: KafkaProjectionServer<EntityManager>;
  let publisher: EventPublisher;
  let adapter: HeldFieldsAdapter;
  let views: ReviewTaskViewController;
  let tasks: ReviewTasksRepository;

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

    const repository = new HeldFieldsRepository(dataSource);
    const projection = new HeldFieldsProjection(repository);
    server = new KafkaProjectionServer<EntityManager>(
      { kafka, group, metrics: new MessagingMetrics(new Registry()), states: new ConsumerStateRegistry(), topicPrefix: prefix },
      new TypeOrmProjectionStore(dataSource, REVIEW_SCHEMA),
    );
    server.addHandler(consumes(group, 'FieldsHeld'), (e: EventOf<'FieldsHeld'>, c: ProjectionContext<EntityManager>) => projection.held(e, c), true);
    await new Promise<void>((resolve, reject) => void server.listen((error?: unknown) => (error === undefined ? resolve() : reject(error as Error))));

    adapter = new HeldFieldsAdapter(repository, sealer);
    publisher = new EventPublisher(kafka, new MessagingMetrics(new Registry()), prefix);
    views = new ReviewTaskViewController(adapter, new TriageAdapter(dataSource, new TriageRepository(dataSource), sealer, publisher));
    tasks = new ReviewTasksRepository(dataSource);
  });

  afterAll(async () => {
    await server?.close();
    await publisher?.disconnect();
    await dataSource?.destroy();
    await database.drop();
    const kafkaAdmin = kafka.admin();
    await kafkaAdmin.connect();
    await deleteTopicsWithPrefix(kafkaAdmin, prefix).catch(() => undefined);
    await kafkaAdmin.disconnect();
  });

  async function send(events: EventEnvelope[]): Promise<void> {
    const producer = kafka.producer();
    await producer.connect();
    for (const event of events) {
      await producer.send({ topic: prefix + Topics.reviewHeldFields, messages: [encodeEvent(event)], acks: -1 });
    }
    await producer.disconnect();
  }

  /** What pii-filter emits for an indicator whose description and first reference were withheld. */
  async function held(options: { submissionId?: string; object?: StixObject; sealedObject?: StixObject } = {}): Promise<{ event: EventOf<'FieldsHeld'>; sealed: SealedBlob; cleared: StixObject }> {
    const submissionId = options.submissionId ?? randomUUID();
    const cleared: StixObject = options.object ?? {
      type: 'indicator',
      spec_version: '2.1',
      id: `indicator--${randomUUID()}`,
      created: '2026-11-01T00:00:00.000Z',
      modified: '2026-11-01T00:00:00.000Z',
      name: 'Phishing sender',
      pattern: "[email-message:from_ref.value = 'billing7@invoice-portal.example']",
      pattern_type: 'stix',
      valid_from: '2026-11-01T00:00:00.000Z',
      external_references: [{ source_name: 'internal-case' }],
    };
    const values = { description: `Phishing email received by ${VICTIM_EMAIL}.`, 'external_references[0].description': `Reported by ${VICTIM_NAME}.` };
    const sealed = await sealer.seal(randomUUID(), { values, object: options.sealedObject ?? cleared });
    const event = buildEvent(
      'FieldsHeld',
      {
        submissionId,
        objectId: cleared.id,
        objectType: cleared.type,
        objectVersion: typeof cleared.modified === 'string' ? cleared.modified : '1970-01-01T00:00:00.000Z',
        fields: [
          { path: 'description', detector: 'email', reason: 'an e-mail address not referenced by the pattern' },
          { path: 'external_references[0].description', detector: 'person-name', reason: 'a person name after a context word' },
        ],
        sealedValues: sealed,
      },
      { key: cleared.id, producer: 'test', correlationId: submissionId, causationId: randomUUID(), occurredAt: new Date('2026-11-01T12:00:00.000Z') },
    );
    return { event, sealed, cleared };
  }

  const rowsOf = (submissionId: string) =>
    dataSource.query<Record<string, unknown>[]>(
      `SELECT t.*, h.* FROM review.tasks t JOIN review.held_field_tasks h ON h.task_id = t.id WHERE h.submission_id = $1 ORDER BY t.id`,
      [submissionId],
    );

  /** Records of the held-fields topic applied by this test's projection (checkpoints count them). */
  const applied = async () => Number((await dataSource.query<{ n: string | null }[]>(`SELECT sum(next_offset) AS n FROM review.projection_checkpoints`))[0]?.n ?? 0);

  it('opens one open held-field task per object version with the seal only, however often the event comes and if it is screened again', async () => {
    const before = await applied();
    const { event, sealed, cleared } = await held();
    const rescreened = { ...event, eventId: randomUUID(), data: { ...event.data, sealedValues: (await held({ submissionId: event.data.submissionId, object: cleared })).sealed } };
    await send([event, event, rescreened]);
    await waitFor(async () => (await applied()) >= before + 3, { timeoutMs: 60_000, description: 'all three records applied' });

    const rows = await rowsOf(event.data.submissionId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: heldFieldTaskId(event.data.submissionId, cleared.id, event.data.objectVersion),
      kind: 'held-field',
      state: 'open',
      decided_at: null,
      event_id: event.eventId,
      object_id: cleared.id,
      object_type: 'indicator',
      object_version: '2026-11-01T00:00:00.000Z',
      fields: event.data.fields,
      sealed_values: sealed,
      source_topic: prefix + Topics.reviewHeldFields,
    });
    expect(JSON.stringify(rows)).not.toContain(VICTIM_EMAIL);
    expect(JSON.stringify(rows)).not.toContain('Whitfield');

    const listed = await tasks.list({ state: null, kind: 'held-field', limit: 500 });
    expect(listed.map((task) => task.id)).toContain(rows[0]!.id);
    expect(JSON.stringify(listed)).not.toContain('Whitfield');
  });

  it('keeps two submissions holding fields of the same observable version apart, each under its own seal', async () => {
    const sco: StixObject = { type: 'x509-certificate', spec_version: '2.1', id: `x509-certificate--${randomUUID()}`, serial_number: '0a1b2c' };
    const first = await held({ object: sco });
    const second = await held({ object: sco });
    await send([first.event, second.event]);
    await waitFor(async () => (await rowsOf(second.event.data.submissionId)).length === 1 && (await rowsOf(first.event.data.submissionId)).length === 1, {
      timeoutMs: 60_000,
      description: 'both tasks',
    });
    const [a] = await rowsOf(first.event.data.submissionId);
    const [b] = await rowsOf(second.event.data.submissionId);
    expect(a?.object_version).toBe('1970-01-01T00:00:00.000Z');
    expect(a?.id).not.toBe(b?.id);
    expect((a?.sealed_values as SealedBlob).keyId).not.toBe((b?.sealed_values as SealedBlob).keyId);
  });

  it('shows an analyst each held value in its object’s context and records every view with the analyst’s id', async () => {
    const { event, cleared } = await held();
    await send([event]);
    const taskId = heldFieldTaskId(event.data.submissionId, cleared.id, event.data.objectVersion);
    await waitFor(async () => (await rowsOf(event.data.submissionId)).length === 1, { timeoutMs: 60_000, description: 'the task' });

    const ana = analyst();
    const view = await views.view(taskId, ana);
    expect(view).toMatchObject({
      id: taskId,
      kind: 'held-field',
      state: 'open',
      heldField: { submissionId: event.data.submissionId, objectId: cleared.id, objectType: 'indicator', objectVersion: '2026-11-01T00:00:00.000Z', heldAt: '2026-11-01T12:00:00.000Z', fields: event.data.fields },
      contentStatus: 'available',
      content: {
        object: cleared,
        values: [
          { path: 'description', detector: 'email', value: `Phishing email received by ${VICTIM_EMAIL}.` },
          { path: 'external_references[0].description', detector: 'person-name', value: `Reported by ${VICTIM_NAME}.` },
        ],
      },
      history: [{ action: 'view', principalId: ana.id }],
    });

    const ben = analyst();
    expect((await adapter.view(taskId, ben, new Date()))?.history.map((entry) => entry.principalId)).toEqual([ana.id, ben.id]);
    const actions = await dataSource.query<{ action: string; principal_id: string }[]>(`SELECT action, principal_id FROM review.task_actions WHERE task_id = $1 ORDER BY id`, [taskId]);
    expect(actions).toEqual([
      { action: 'view', principal_id: ana.id },
      { action: 'view', principal_id: ben.id },
    ]);
  });

  it('says the values are deleted once their key is destroyed, and refuses a seal that is not the task’s', async () => {
    const gone = await held();
    const foreign = await held({ sealedObject: { type: 'indicator', id: `indicator--${randomUUID()}` } });
    await send([gone.event, foreign.event]);
    await waitFor(async () => (await rowsOf(gone.event.data.submissionId)).length === 1 && (await rowsOf(foreign.event.data.submissionId)).length === 1, {
      timeoutMs: 60_000,
      description: 'both tasks',
    });
    await sealer.destroy(gone.sealed.keyId);
    const goneId = heldFieldTaskId(gone.event.data.submissionId, gone.cleared.id, gone.event.data.objectVersion);
    await expect(adapter.view(goneId, analyst(), new Date())).resolves.toMatchObject({ contentStatus: 'deleted', content: null, heldField: { fields: gone.event.data.fields } });

    const foreignId = heldFieldTaskId(foreign.event.data.submissionId, foreign.cleared.id, foreign.event.data.objectVersion);
    const refusal: unknown = await adapter.view(foreignId, analyst(), new Date()).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(CodedError);
    expect(refusal).toMatchObject({ code: HeldFieldErrorCode.ContentUnusable, status: 422 });
    expect((refusal as CodedError).reason).not.toContain('Whitfield');
  });

  it('leaves tasks of other kinds to their own view, and a missing task answers as before', async () => {
    await expect(views.view(randomUUID(), analyst())).rejects.toMatchObject({ code: 'AIS_TRIAGE_TASK_NOT_FOUND' });
    expect(await adapter.view(randomUUID(), analyst(), new Date())).toBeNull();
  });

  it('sends a FieldsHeld without its seal to the dead-letter topic and goes on with the next one', async () => {
    const deadLetters = await new TopicReader().start([`${prefix}${Topics.reviewHeldFields}.dlq`]);
    try {
      const { event } = await held();
      const { sealedValues: _dropped, ...unsealed } = event.data;
      const poison: EventEnvelope = { ...event, eventId: randomUUID(), data: unsealed };
      const next = await held();
      await send([poison, next.event]);
      await waitFor(async () => (await rowsOf(next.event.data.submissionId)).length === 1, { timeoutMs: 60_000, description: 'the next task' });
      await waitFor(() => deadLetters.records.length === 1, { timeoutMs: 60_000, description: 'one dead letter' });
      expect(await rowsOf(event.data.submissionId)).toHaveLength(0);
    } finally {
      await deadLetters.stop();
    }
  });
});
