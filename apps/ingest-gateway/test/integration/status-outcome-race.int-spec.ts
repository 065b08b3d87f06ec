import { buildEvent } from '@ais/contracts';
import type { BatchWriter, ProjectionContext } from '@ais/messaging';
import { dataSourceOptions, migrateSchemas } from '@ais/persistence';
import { ScratchDatabase, waitFor } from '@ais/testing';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { GATEWAY_SCHEMA, INGEST_GATEWAY_SCHEMA } from '../../src/migrations';
import { StatusProjection, SUBMISSION_OUTCOMES } from '../../src/status/status.projection';
import { StatusRepository } from '../../src/status/status.repository';

type Handle = (ctx: ProjectionContext<EntityManager>) => unknown;

/**
 * One projection batch as KafkaProjectionServer applies it: each record's handler, then the rows
 * they collected, written per writer, in one transaction. `between` runs after each record.
 */
async function applyBatch(tx: EntityManager, records: readonly Handle[], between: (index: number) => Promise<void> = () => Promise.resolve()): Promise<void> {
  const collected = new Map<BatchWriter<EntityManager, unknown>, unknown[]>();
  const ctx = {
    tx,
    topic: 'ais.pipeline.screened.v1',
    partition: 0,
    offset: '0',
    collect: (writer: BatchWriter<EntityManager, unknown>, row: unknown) => void (collected.get(writer) ?? collected.set(writer, []).get(writer)!).push(row),
  } as unknown as ProjectionContext<EntityManager>;
  for (const [index, handle] of records.entries()) {
    await handle(ctx);
    await between(index);
  }
  for (const [writer, rows] of collected) {
    await writer.write(tx, rows);
  }
}

/**
 * A POST writes its status row, then `SubmissionReceived`, then commits. On a busy gateway the
 * rejection can come back before that commit: the projection must wait for the row, not update
 * nothing and leave the status pending for good (found by the fault-injection e2e test).
 */
describe('an outcome that arrives before its status row commits', () => {
  const database = new ScratchDatabase('igw_race');
  const url = database.url;
  let dataSource: DataSource;
  let statuses: StatusRepository;

  beforeAll(async () => {
    await database.create();
    await migrateSchemas(url, [INGEST_GATEWAY_SCHEMA]);
    dataSource = await new DataSource(dataSourceOptions({ url, schema: GATEWAY_SCHEMA, migrations: [] })).initialize();
    statuses = new StatusRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database.drop();
  });

  async function someoneWaitsForAStatusLock(): Promise<boolean> {
    const waiting: { n: number }[] = await dataSource.query(
      `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    return waiting[0]!.n > 0;
  }

  it('is applied once the POST commits', async () => {
    const statusId = randomUUID();
    const principalId = randomUUID();
    const now = new Date();
    let commitPost!: () => void;
    const postMayCommit = new Promise<void>((resolve) => (commitPost = resolve));
    let rowWritten!: () => void;
    const rowIsWritten = new Promise<void>((resolve) => (rowWritten = resolve));

    // The POST: row and lock, (the event goes to the log here), commit only when the test says so.
    const post = dataSource.transaction(async (tx) => {
      await statuses.createAll(tx, [{ id: statusId, principalId, objects: [{ id: `indicator--${randomUUID()}`, version: now.toISOString() }], requestedAt: now }]);
      rowWritten();
      await postMayCommit;
    });
    await rowIsWritten;

    // The rejection, projected meanwhile.
    const rejected = buildEvent(
      'SubmissionRejected',
      { submissionId: statusId, reasons: [{ code: 'AIS_PROFILE_TLP_MARKING_MISSING', message: 'no TLP marking' }] },
      { key: statusId, producer: 'test', correlationId: statusId, causationId: null, occurredAt: now },
    );
    const projected = dataSource.transaction((tx) => applyBatch(tx, [(ctx) => new StatusProjection().rejected(rejected, ctx)]));
    await waitFor(() => someoneWaitsForAStatusLock(), { timeoutMs: 20_000, description: 'the projection waiting for the POST' });

    commitPost();
    await Promise.all([post, projected]);
    expect(await statuses.find(statusId, principalId)).toMatchObject({ status: 'complete', failure_count: 1, pending_count: 0 });
  });

  /**
   * Two batches with outcomes of the same two submissions on two partitions (a redelivery after a
   * rebalance, or a rejection beside a conclusion): each takes both status locks, so they must take
   * them in one order, or the two transactions deadlock (found in the pipeline benchmark's logs).
   */
  it('lets two batches of outcomes of the same submissions both commit', async () => {
    const now = new Date();
    const [first, second] = [randomUUID(), randomUUID()].sort();
    const objectOf = new Map<string, string>();
    for (const statusId of [first!, second!]) {
      objectOf.set(statusId, `indicator--${randomUUID()}`);
      await dataSource.transaction((tx) => statuses.createAll(tx, [{ id: statusId, principalId: randomUUID(), objects: [{ id: objectOf.get(statusId)!, version: now.toISOString() }], requestedAt: now }]));
    }
    const concluded = (statusId: string) =>
      buildEvent(
        'SubmissionConcluded',
        { submissionId: statusId, published: [{ objectId: objectOf.get(statusId)!, sourceObjectId: objectOf.get(statusId)!, version: now.toISOString() }], failures: [], replaced: [] },
        { key: statusId, producer: 'test', correlationId: statusId, causationId: null, occurredAt: now },
      );
    const projection = new StatusProjection();
    let publications: Promise<void> | undefined;

    // The first batch's records come in the other order than the locks' sorted one.
    const firstBatch = dataSource.transaction((tx) =>
      applyBatch(
        tx,
        [second!, first!].map((statusId) => (ctx: ProjectionContext<EntityManager>) => projection.concluded(concluded(statusId), ctx)),
        async (index) => {
          if (index === 0) {
            // Between its records, the other partition's batch runs as far as it can.
            let settled = false;
            publications = dataSource
              .transaction((tx2) =>
                SUBMISSION_OUTCOMES.write(
                  tx2,
                  [first!, second!].map((statusId) => ({ submissionId: statusId, failures: [], successes: [], published: [objectOf.get(statusId)!], occurredAt: now.toISOString() })),
                ),
              )
              .finally(() => (settled = true));
            await waitFor(async () => settled || (await someoneWaitsForAStatusLock()), { timeoutMs: 20_000, description: 'the other batch done or waiting' });
          }
        },
      ),
    );

    await firstBatch;
    await publications;
    for (const statusId of [first!, second!]) {
      expect(await statuses.find(statusId, null)).toMatchObject({ status: 'complete', success_count: 1, pending_count: 0 });
    }
  });
});
