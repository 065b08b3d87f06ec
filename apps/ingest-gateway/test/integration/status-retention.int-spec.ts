import { loadIngestGatewayConfig } from '@ais/config';
import { dataSourceOptions, migrateSchemas } from '@ais/persistence';
import { ScratchDatabase, waitFor } from '@ais/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { GATEWAY_SCHEMA, INGEST_GATEWAY_SCHEMA } from '../../src/migrations';
import { StatusRetention } from '../../src/status/status-retention';
import { StatusRepository } from '../../src/status/status.repository';

const HOUR = 3_600_000;

/** Status retention on a real PostgreSQL, with the clock injected: kept ≥ 24 h after completion, pending never purged. */
describe('StatusRetention', () => {
  const database = new ScratchDatabase('igw_ret');
  const url = database.url;
  const principalId = randomUUID();
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

  async function status(requestedAt: Date, completedAt: Date | null): Promise<string> {
    const id = randomUUID();
    await dataSource.transaction((tx) =>
      statuses.createAll(tx, [{ id, principalId, objects: [{ id: `indicator--${randomUUID()}`, version: requestedAt.toISOString(), state: completedAt === null ? 'pending' : 'success' }], requestedAt }]),
    );
    await dataSource.query(`UPDATE gateway.status_resources SET completed_at = $2 WHERE id = $1`, [id, completedAt]);
    return id;
  }

  const exists = async (id: string) => (await statuses.find(id, principalId)) !== null;
  const objectRows = async (id: string) => {
    const rows: { n: number }[] = await dataSource.query(`SELECT count(*)::int AS n FROM gateway.status_objects WHERE status_id = $1`, [id]);
    return rows[0]?.n;
  };

  it('deletes statuses completed longer ago than the retention, with their objects, and keeps pending ones', async () => {
    const now = new Date('2030-06-01T12:00:00.000Z');
    const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);
    const expired = await status(at(30), at(25));
    const atTheEdge = await status(at(30), at(24));
    const recent = await status(at(30), at(23));
    const pending = await status(at(1000), null);
    const retention = new StatusRetention(dataSource, loadIngestGatewayConfig({ AIS_STATUS_RETENTION_HOURS: '24' }), () => now);

    expect(await retention.purgeExpired()).toBe(1);
    expect(await exists(expired)).toBe(false);
    expect(await objectRows(expired)).toBe(0);
    expect(await exists(atTheEdge)).toBe(true);
    expect(await exists(recent)).toBe(true);
    expect(await exists(pending)).toBe(true);

    // Two hours later the 24-hour edge and the 23-hour one have passed too; pending stays.
    expect(await retention.purgeExpired(new Date(now.getTime() + 2 * HOUR))).toBe(2);
    expect(await exists(atTheEdge)).toBe(false);
    expect(await exists(recent)).toBe(false);
    expect(await exists(pending)).toBe(true);
    expect(await retention.purgeExpired(new Date(now.getTime() + 10_000 * HOUR))).toBe(0);
  });

  it('keeps completed statuses 168 hours by default', async () => {
    const now = new Date('2031-01-10T00:00:00.000Z');
    const sixDays = await status(new Date(now.getTime() - 150 * HOUR), new Date(now.getTime() - 144 * HOUR));
    const eightDays = await status(new Date(now.getTime() - 200 * HOUR), new Date(now.getTime() - 192 * HOUR));
    const retention = new StatusRetention(dataSource, loadIngestGatewayConfig({}), () => now);
    expect(retention.retentionHours).toBe(168);
    expect(await retention.purgeExpired()).toBe(1);
    expect(await exists(sixDays)).toBe(true);
    expect(await exists(eightDays)).toBe(false);
  });

  it('purges once on start (then every 15 minutes) and stops cleanly', async () => {
    const now = new Date('2032-01-01T00:00:00.000Z');
    const old = await status(new Date(now.getTime() - 48 * HOUR), new Date(now.getTime() - 47 * HOUR));
    const retention = new StatusRetention(dataSource, loadIngestGatewayConfig({ AIS_STATUS_RETENTION_HOURS: '24' }), () => now);
    retention.onApplicationBootstrap();
    await waitFor(async () => !(await exists(old)), { description: 'expired status purged at start' });
    await retention.onApplicationShutdown();
  });
});
