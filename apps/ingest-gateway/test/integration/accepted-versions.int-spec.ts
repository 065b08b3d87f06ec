import { dataSourceOptions, migrateSchemas } from '@ais/persistence';
import { ScratchDatabase } from '@ais/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { GATEWAY_SCHEMA, INGEST_GATEWAY_SCHEMA } from '../../src/migrations';
import { acceptedKey, StatusRepository } from '../../src/status/status.repository';

/**
 * The exact-duplicate register a POST consults: which of its (id, version) pairs its participant
 * already had accepted. POSTs handled at the same moment share one lookup statement.
 */
describe('the accepted-versions lookup', () => {
  const database = new ScratchDatabase('igw_accepted');
  let dataSource: DataSource;
  let statuses: StatusRepository;

  beforeAll(async () => {
    await database.create();
    await migrateSchemas(database.url, [INGEST_GATEWAY_SCHEMA]);
    dataSource = await new DataSource(dataSourceOptions({ url: database.url, schema: GATEWAY_SCHEMA, migrations: [] })).initialize();
    statuses = new StatusRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database.drop();
  });

  async function accept(principalId: string, id: string, version: string): Promise<void> {
    await dataSource.query(
      `INSERT INTO gateway.accepted_versions (principal_id, object_id, version, status_id, accepted_at) VALUES ($1, $2, $3, $4, now())`,
      [principalId, id, version, randomUUID()],
    );
  }

  it("answers lookups made at the same moment each with its own participant's accepted pairs", async () => {
    const [alice, bob] = [randomUUID(), randomUUID()];
    const [shared, alicesOnly] = [`indicator--${randomUUID()}`, `indicator--${randomUUID()}`];
    const v1 = '2026-11-01T00:00:00.000Z';
    const v2 = '2026-11-02T00:00:00.000Z';
    await accept(alice, shared, v1);
    await accept(alice, alicesOnly, v1);
    await accept(bob, shared, v2);

    const [forAlice, forBob, forAliceAgain] = await Promise.all([
      statuses.acceptedAmong(alice, [{ id: shared, version: v1 }, { id: shared, version: v2 }, { id: alicesOnly, version: v1 }]),
      statuses.acceptedAmong(bob, [{ id: shared, version: v1 }, { id: shared, version: v2 }, { id: alicesOnly, version: v1 }]),
      statuses.acceptedAmong(alice, [{ id: shared, version: v2 }]),
    ]);

    expect(forAlice).toEqual(new Set([acceptedKey(shared, v1), acceptedKey(alicesOnly, v1)]));
    expect(forBob).toEqual(new Set([acceptedKey(shared, v2)]));
    expect(forAliceAgain).toEqual(new Set());
  });

  it('finds nothing for a pair PostgreSQL could not store, without failing the lookups beside it', async () => {
    const principal = randomUUID();
    const id = `indicator--${randomUUID()}`;
    const version = '2026-11-03T00:00:00.000Z';
    await accept(principal, id, version);

    const [withNul, plain] = await Promise.all([
      statuses.acceptedAmong(principal, [{ id: `${id}\u0000`, version }, { id, version }]),
      statuses.acceptedAmong(principal, [{ id, version: `${version}\u0000` }, { id, version }]),
    ]);

    expect(withNul).toEqual(new Set([acceptedKey(id, version)]));
    expect(plain).toEqual(new Set([acceptedKey(id, version)]));
  });

  it('probes the register by its key for each pair, however large and unanalysed the register is', async () => {
    const principal = randomUUID();
    // Autovacuum would analyse the table mid-test; the register's first hours are like this.
    await dataSource.query(`ALTER TABLE gateway.accepted_versions SET (autovacuum_enabled = false)`);
    await dataSource.query(
      `INSERT INTO gateway.accepted_versions (principal_id, object_id, version, status_id, accepted_at)
       SELECT $1, 'indicator--' || gen_random_uuid(), '2026-11-04T00:00:00.000Z', gen_random_uuid(), now() FROM generate_series(1, 20000)`,
      [principal],
    );
    const keys = Array.from({ length: 200 }, () => ({ id: `indicator--${randomUUID()}`, version: '2026-11-04T00:00:00.000Z' }));
    const sent = jest.spyOn(dataSource, 'query');
    await statuses.acceptedAmong(principal, keys);
    const [sql, parameters] = sent.mock.calls[0]!;
    sent.mockRestore();

    const explained = await dataSource.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(`EXPLAIN (FORMAT JSON) ${sql}`, parameters);
    expect(scansOf(explained[0]!['QUERY PLAN'][0].Plan, 'accepted_versions')).toEqual([expect.stringMatching(/^Index (Only )?Scan$/)]);
  });
});

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly Plans?: readonly PlanNode[];
}

/** The node types that read `relation` in an EXPLAIN (FORMAT JSON) plan. */
function scansOf(node: PlanNode, relation: string): string[] {
  const own = node['Relation Name'] === relation ? [node['Node Type']] : [];
  return [...own, ...(node.Plans ?? []).flatMap((child) => scansOf(child, relation))];
}
