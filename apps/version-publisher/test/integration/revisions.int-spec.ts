import { buildEvent, type EventOf, type IndicatorPublishedV1, type ReviewDecidedV1, type StixObject, type SubmissionScreenedV1 } from '@ais/contracts';
import { RetriableError, type StageContext } from '@ais/messaging';
import { dataSourceOptions, migrateSchemas } from '@ais/persistence';
import { ScratchDatabase } from '@ais/testing';
import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import { DataSource, type EntityManager } from 'typeorm';
import { CORROBORATION_COUNT_PROPERTY } from '../../src/enrich/corroborate.decider';
import { EnrichIndicatorsAdapter } from '../../src/enrich/enrich-indicators.adapter';
import { PUBLISHER_SCHEMA, VERSION_PUBLISHER_SCHEMA } from '../../src/migrations';
import { publishIndicators } from '../../src/publish/publish-indicators.decider';
import { ObjectVersionsProjection } from '../../src/repository/object-versions.projection';
import { DecisionWait } from '../../src/review/decision-wait';
import { ReviseAfterReviewAdapter } from '../../src/review/revise-after-review.adapter';
import { ReviewRevisionErrorCode } from '../../src/review/revise-after-review.decider';
import { ObjectRevisionsRepository } from '../../src/revise/object-revisions.repository';
import { RevisionError } from '../../src/revise/revision-error';
import { RevisionsMetrics } from '../../src/revise/revisions.metrics';

type Published = EventOf<'IndicatorPublished'>;

/**
 * The stages that make new versions (review releases, enrichment) against a real PostgreSQL: the
 * versions they make, what a redelivery sends, the wait for a version not yet stored, and two
 * revisions of one object at once. Kafka is not needed: the handlers are called as the stage
 * transport calls them, and the repository projection is applied as its transport applies it.
 */
describe('new versions of published objects', () => {
  const database = new ScratchDatabase('publisher');
  let dataSource: DataSource;
  let review: ReviseAfterReviewAdapter;
  let enrichment: EnrichIndicatorsAdapter;
  let repository: ObjectRevisionsRepository;
  let now = 0;
  const projection = new ObjectVersionsProjection();

  beforeAll(async () => {
    await database.create();
    await migrateSchemas(database.url, [VERSION_PUBLISHER_SCHEMA]);
    dataSource = await new DataSource(dataSourceOptions({ url: database.url, schema: PUBLISHER_SCHEMA, migrations: [] })).initialize();
    repository = new ObjectRevisionsRepository(dataSource);
    const metrics = new RevisionsMetrics(new Registry());
    review = new ReviseAfterReviewAdapter(repository, metrics, new DecisionWait(5_000, () => now));
    enrichment = new EnrichIndicatorsAdapter(repository, metrics);
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await dataSource?.destroy();
    await database.drop();
  });

  const context = (): StageContext => ({ topic: 't', partition: 0, offset: '0', receivedAt: new Date('2026-11-05T00:00:00.000Z'), afterCommit: () => undefined });

  function indicator(overrides: Record<string, unknown> = {}): StixObject {
    return {
      type: 'indicator',
      spec_version: '2.1',
      id: `indicator--${randomUUID()}`,
      created: '2026-11-01T00:00:00.000Z',
      modified: '2026-11-01T00:00:00.000Z',
      pattern: `[ipv4-addr:value = '198.51.100.${Math.floor(Math.random() * 250) + 1}']`,
      pattern_type: 'stix',
      valid_from: '2026-11-01T00:00:00Z',
      ...overrides,
    };
  }

  function screened(objects: StixObject[], occurredAt = '2026-11-01T00:00:01.000Z', sector = 'energy'): EventOf<'SubmissionScreened'> {
    const submissionId = randomUUID();
    const data: SubmissionScreenedV1 = { submissionId, profileVersion: '1.0.0', objects, submitter: { sectors: [sector], country: 'US' }, consent: 'none', failures: [], heldFieldCount: 0 };
    return buildEvent('SubmissionScreened', data, { key: submissionId, producer: 'test', correlationId: submissionId, causationId: null, occurredAt: new Date(occurredAt) });
  }

  /** What the publish stage and then the repository projection do with a screened submission. */
  async function store(event: EventOf<'SubmissionScreened'>): Promise<void> {
    for (const data of publishIndicators(event.data, event.occurredAt)) {
      await storeVersion(data);
    }
  }

  async function storeVersion(data: IndicatorPublishedV1): Promise<void> {
    const published = buildEvent('IndicatorPublished', data, { key: data.objectId, producer: 'test', correlationId: data.submissionId, causationId: null, occurredAt: new Date() });
    await dataSource.transaction(async (tx: EntityManager) => {
      const writes: Promise<void>[] = [];
      projection.apply(published, { tx, topic: 't', partition: 0, offset: '0', collect: (writer, row) => void writes.push(writer.write(tx, [row])) });
      await Promise.all(writes);
    });
  }

  function decided(object: StixObject, submissionId: string, data: Partial<ReviewDecidedV1>): EventOf<'ReviewDecided'> {
    const decision: ReviewDecidedV1 = {
      taskId: randomUUID(),
      submissionId,
      objectId: object.id,
      objectVersion: object.modified as string,
      decidedBy: randomUUID(),
      decidedAt: '2026-11-02T09:00:00.000Z',
      fields: [{ path: 'description', outcome: 'released-no-pii' }],
      restored: { description: 'Phishing wave against a finance team.' },
      ...data,
    };
    return buildEvent('ReviewDecided', decision, { key: object.id, producer: 'test', correlationId: submissionId, causationId: null, occurredAt: new Date() });
  }

  const versionsOf = async (objectId: string) =>
    (await dataSource.query<{ version: string }[]>(`SELECT version FROM publisher.object_versions WHERE object_id = $1 ORDER BY version_at`, [objectId])).map((row) => row.version);

  it('publishes a release as a new version, and a redelivered decision sends the very same event again', async () => {
    const object = indicator();
    const submission = screened([object]);
    await store(submission);
    const decision = decided(object, submission.data.submissionId, {});

    const [first] = (await review.revise(decision, context())) as Published[];
    const [again] = (await review.revise(decision, context())) as Published[];

    expect(first?.data).toMatchObject({ objectId: object.id, version: '2026-11-02T09:00:00.000Z', heldFieldCount: 0 });
    expect(first?.data.object).toEqual({ ...object, description: 'Phishing wave against a finance team.', modified: '2026-11-02T09:00:00.000Z' });
    expect(first).toMatchObject({ key: object.id, causationId: decision.eventId, correlationId: submission.data.submissionId });
    expect(again).toEqual(first);
    await storeVersion(first!.data);
    await storeVersion(again!.data);
    expect(await versionsOf(object.id)).toEqual(['2026-11-01T00:00:00.000Z', '2026-11-02T09:00:00.000Z']);
  });

  it('publishes nothing for a decision whose fields were all deleted', async () => {
    const object = indicator();
    const submission = screened([object]);
    await store(submission);
    const deleted = decided(object, submission.data.submissionId, { fields: [{ path: 'description', outcome: 'deleted' }], restored: {} });

    expect(await review.revise(deleted, context())).toEqual([]);
  });

  it('waits, bounded, for the version a decision names: retriable while the projection may still store it, dead-lettered after', async () => {
    const object = indicator();
    const submission = screened([object]);
    const early = decided(object, submission.data.submissionId, {});

    await expect(review.revise(early, context())).rejects.toBeInstanceOf(RetriableError);
    now += 4_000;
    await expect(review.revise(early, context())).rejects.toBeInstanceOf(RetriableError);
    await store(submission);
    expect(await review.revise(early, context())).toHaveLength(1);

    const never = decided(indicator(), submission.data.submissionId, {});
    await expect(review.revise(never, context())).rejects.toBeInstanceOf(RetriableError);
    now += 5_000;
    await expect(review.revise(never, context())).rejects.toEqual(expect.objectContaining({ name: 'RevisionError', code: ReviewRevisionErrorCode.UnknownVersion }));
  });

  it('dead-letters a decision with a bad path, with a code and without the path', async () => {
    const object = indicator();
    const submission = screened([object]);
    await store(submission);
    const bad = decided(object, submission.data.submissionId, { restored: { 'jane.doe@victim.example': 'x' } });

    const error = (await review.revise(bad, context()).catch((e: unknown) => e)) as RevisionError;
    expect(error).toBeInstanceOf(RevisionError);
    expect(error.code).toBe(ReviewRevisionErrorCode.BadFieldPath);
    expect(error.message).not.toContain('jane');
  });

  it('gives two decisions on one object, handled at once, two distinct versions, the later carrying both fields', async () => {
    const object = indicator();
    const submission = screened([object]);
    await store(submission);
    const one = decided(object, submission.data.submissionId, { restored: { description: 'one' } });
    const two = decided(object, submission.data.submissionId, { restored: { name: 'two' } });

    const results = (await Promise.all([review.revise(one, context()), review.revise(two, context())])).flat() as Published[];

    const versions = results.map((event) => event.data.version).sort();
    expect(versions).toEqual(['2026-11-02T09:00:00.000Z', '2026-11-02T09:00:00.001Z']);
    const last = results.find((event) => event.data.version === versions[1]);
    expect(last?.data.object).toMatchObject({ description: 'one', name: 'two' });
  });

  it('corroborates an indicator reported by several submitters: a new version of the earliest, before the projection stored it', async () => {
    const pattern = "[ipv4-addr:value = '203.0.113.77' AND ipv4-addr:value = '203.0.113.78']";
    const earliest = indicator({ pattern });
    const first = screened([earliest], '2026-11-01T00:00:01.000Z', 'energy');
    expect(await enrichment.enrich(first, context())).toEqual([]);
    // The same submission again, and another submission of the same submitter: still one report.
    expect(await enrichment.enrich(first, context())).toEqual([]);
    expect(await enrichment.enrich(screened([indicator({ pattern })], '2026-11-01T00:00:02.000Z', 'energy'), context())).toEqual([]);

    const second = screened([indicator({ pattern: "[ipv4-addr:value='203.0.113.78' and ipv4-addr:value='203.0.113.77']" })], '2026-11-03T00:00:00.000Z', 'water');
    const [enriched] = (await enrichment.enrich(second, context())) as Published[];
    expect(enriched?.data).toMatchObject({ objectId: earliest.id, version: '2026-11-03T00:00:00.000Z', submissionId: first.data.submissionId });
    expect(enriched).toMatchObject({ correlationId: first.data.submissionId, causationId: second.eventId });
    expect(enriched?.data.object).toEqual({ ...earliest, modified: '2026-11-03T00:00:00.000Z', [CORROBORATION_COUNT_PROPERTY]: 2, confidence: 75 });
    // Redelivered: the same event again, not a third version.
    expect(await enrichment.enrich(second, context())).toEqual([enriched]);

    const third = screened([indicator({ pattern, confidence: 90 }), indicator({ pattern })], '2026-11-02T00:00:00.000Z', 'chemical');
    const [again] = (await enrichment.enrich(third, context())) as Published[];
    // 1 − 0.5 · 0.5 · 0.1 = 0.975; the report is older than the last version, so 1 ms past it.
    expect(again?.data).toMatchObject({ version: '2026-11-03T00:00:00.001Z', object: { [CORROBORATION_COUNT_PROPERTY]: 3, confidence: 98 } });
  });

  it('enriches submissions handled at once in one transaction, as one after another in the order they were screened', async () => {
    const pattern = "[url:value = 'https://together.example/login']";
    const earliest = indicator({ pattern });
    const first = screened([earliest], '2026-11-01T00:00:01.000Z', 'energy');
    const third = screened([indicator({ pattern })], '2026-11-03T00:00:00.000Z', 'water');
    const second = screened([indicator({ pattern, confidence: 90 })], '2026-11-02T00:00:00.000Z', 'chemical');
    const transactions = jest.spyOn(repository, 'transaction');

    const [none, byThird, bySecond] = (await Promise.all([first, third, second].map((event) => enrichment.enrich(event, context())))) as [Published[], Published[], Published[]];

    expect(transactions).toHaveBeenCalledTimes(1);
    expect(none).toEqual([]);
    expect(bySecond).toHaveLength(1);
    // 1 − 0.5 · 0.1 = 0.95, then 1 − 0.5 · 0.1 · 0.5 = 0.975.
    expect(bySecond[0]?.data).toMatchObject({ objectId: earliest.id, version: '2026-11-02T00:00:00.000Z', object: { [CORROBORATION_COUNT_PROPERTY]: 2, confidence: 95 } });
    expect(bySecond[0]?.causationId).toBe(second.eventId);
    expect(byThird).toHaveLength(1);
    expect(byThird[0]?.data).toMatchObject({ objectId: earliest.id, version: '2026-11-03T00:00:00.000Z', object: { [CORROBORATION_COUNT_PROPERTY]: 3, confidence: 98 } });
    // Redelivered together: each sends what it sent, nothing new.
    expect(await Promise.all([first, third, second].map((event) => enrichment.enrich(event, context())))).toEqual([[], byThird, bySecond]);
  });

  it('records the submissions handled at once in the order they were screened: the first screened is the earliest', async () => {
    const pattern = "[domain-name:value = 'screened-first.example']";
    const earliest = indicator({ pattern });
    const first = screened([earliest], '2026-11-01T00:00:01.000Z', 'energy');
    const later = screened([indicator({ pattern })], '2026-11-01T00:00:02.000Z', 'water');

    const [byLater, byFirst] = (await Promise.all([later, first].map((event) => enrichment.enrich(event, context())))) as [Published[], Published[]];

    expect(byFirst).toEqual([]);
    expect(byLater).toHaveLength(1);
    expect(byLater[0]?.data).toMatchObject({ objectId: earliest.id, submissionId: first.data.submissionId, object: { [CORROBORATION_COUNT_PROPERTY]: 2 } });
  });

  it('tries each submission alone when their shared transaction fails, so only the one that cannot be handled fails', async () => {
    const pattern = "[file:hashes.'SHA-256' = '0f4c1a1e5b7d3c9a8e6f2b4d0c1a3e5f7b9d2c4e6a8f0b1d3c5e7a9b2d4f6a8c']";
    const good = screened([indicator({ pattern })], '2026-11-01T00:00:01.000Z', 'energy');
    const bad = screened([indicator({ pattern })], '2026-11-01T00:00:02.000Z', 'water');
    const recordReports = repository.recordReports.bind(repository);
    jest.spyOn(repository, 'recordReports').mockImplementation((tx, reports) =>
      reports.some((report) => report.submissionId === bad.data.submissionId) ? Promise.reject(new TypeError('cannot be handled')) : recordReports(tx, reports),
    );
    const transactions = jest.spyOn(repository, 'transaction');

    const [forGood, forBad] = await Promise.allSettled([good, bad].map((event) => enrichment.enrich(event, context())));

    expect(forGood).toEqual({ status: 'fulfilled', value: [] });
    expect(forBad).toMatchObject({ status: 'rejected', reason: new TypeError('cannot be handled') });
    expect(transactions).toHaveBeenCalledTimes(3);
    const reported = async (event: EventOf<'SubmissionScreened'>) =>
      (await dataSource.query<unknown[]>(`SELECT 1 FROM publisher.indicator_reports WHERE submission_id = $1`, [event.data.submissionId])).length;
    expect([await reported(good), await reported(bad)]).toEqual([1, 0]);
  });

  it('keeps a released field in the next enriched version, and the count in the next release', async () => {
    const pattern = "[domain-name:value = 'corroborated.example']";
    const earliest = indicator({ pattern });
    const first = screened([earliest]);
    await store(first);
    await enrichment.enrich(first, context());
    const [released] = (await review.revise(decided(earliest, first.data.submissionId, {}), context())) as Published[];
    const [enriched] = (await enrichment.enrich(screened([indicator({ pattern })], '2026-11-04T00:00:00.000Z', 'water'), context())) as Published[];

    expect(released?.data.version).toBe('2026-11-02T09:00:00.000Z');
    expect(enriched?.data).toMatchObject({ version: '2026-11-04T00:00:00.000Z', object: { description: 'Phishing wave against a finance team.', [CORROBORATION_COUNT_PROPERTY]: 2 } });

    const notice = decided(earliest, first.data.submissionId, { fields: [], restored: {}, removed: ['description'] });
    const [corrected] = (await review.revise(notice, context())) as Published[];
    expect(corrected?.data.version).toBe('2026-11-04T00:00:00.001Z');
    expect(corrected?.data.object).toEqual({ ...earliest, modified: '2026-11-04T00:00:00.001Z', [CORROBORATION_COUNT_PROPERTY]: 2, confidence: 75 });
  });
});
