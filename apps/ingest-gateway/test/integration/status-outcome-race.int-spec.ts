import { buildEvent } from '@ais/contracts';
import type { ProjectionContext } from '@ais/messaging';
import { dataSourceOptions, migrateSchemas } from '@ais/persistence';
import { ScratchDatabase, waitFor } from '@ais/testing';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { GATEWAY_SCHEMA, INGEST_GATEWAY_SCHEMA } from '../../src/migrations';
import { StatusProjection } from '../../src/status/status.projection';
import { lockStatus, StatusRepository } from '../../src/status/status.repository';

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

  it('is applied once the POST commits', async () => {
    const statusId = randomUUID();
    const principalId = randomUUID();
    const now = new Date();
    let commitPost!: () => void;
    const postMayCommit = new Promise<void>((resolve) => (commitPost = resolve));
    let rowWritten!: () => void;
    const rowIsWritten = new Promise<void>((resolve) => (rowWritten = resolve));

    // The POST: lock, row, (the event goes to the log here), commit only when the test says so.
    const post = dataSource.transaction(async (tx) => {
      await lockStatus(tx, statusId);
      await statuses.create(tx, statusId, principalId, [{ id: `indicator--${randomUUID()}`, version: now.toISOString() }], now);
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
    const projected = dataSource.transaction((tx) =>
      new StatusProjection().rejected(rejected, { tx, topic: 'ais.intake.rejections.v1', partition: 0, offset: '0' } as ProjectionContext<EntityManager>),
    );
    await waitFor(async () => {
      const waiting: { n: number }[] = await dataSource.query(
        `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      return waiting[0]!.n > 0;
    }, { timeoutMs: 20_000, description: 'the projection waiting for the POST' });

    commitPost();
    await Promise.all([post, projected]);
    expect(await statuses.find(statusId, principalId)).toMatchObject({ status: 'complete', failure_count: 1, pending_count: 0 });
  });
});
