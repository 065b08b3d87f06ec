import { ScratchDatabase } from '@ais/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/data-source.options';
import { PreparingClient } from '../../src/preparing-client';
import { TypeOrmProjectionStore } from '../../src/typeorm-projection.store';

describe('dataSourceOptions', () => {
  const database = new ScratchDatabase('isolation');

  beforeAll(async () => {
    await database.create();
    // A database whose default is not PostgreSQL's: the services must not inherit it.
    const admin = new Client({ connectionString: database.url });
    await admin.connect();
    await admin.query(`ALTER DATABASE ${database.name} SET default_transaction_isolation = 'serializable'`);
    await admin.end();
  });

  afterAll(() => database.drop());

  async function isolationOf(client: Client): Promise<string> {
    const rows = await client.query<{ transaction_isolation: string }>('SHOW transaction_isolation');
    return rows.rows[0]!.transaction_isolation;
  }

  it('runs every transaction READ COMMITTED, also on a database whose default is serializable', async () => {
    const plain = new Client({ connectionString: database.url });
    await plain.connect();
    expect(await isolationOf(plain)).toBe('serializable');
    await plain.end();

    const dataSource = await new DataSource(dataSourceOptions({ url: database.url, schema: 'public', migrations: [] })).initialize();
    try {
      const inProjection = await new TypeOrmProjectionStore(dataSource, 'public').transaction(async (tx) => {
        const rows: { transaction_isolation: string }[] = await tx.query('SHOW transaction_isolation');
        return rows[0]!.transaction_isolation;
      });
      expect(inProjection).toBe('read committed');
    } finally {
      await dataSource.destroy();
    }
  });

  it('runs parameterised statements but set-wise ones as prepared statements of their connection, parsed once', async () => {
    const dataSource = await new DataSource(dataSourceOptions({ url: database.url, schema: 'public', migrations: [] })).initialize();
    const runner = dataSource.createQueryRunner();
    try {
      const sums: { n: number }[][] = [];
      for (const value of [1, 41]) {
        sums.push((await runner.query('SELECT $1::int + 1 AS n', [value])) as { n: number }[]);
      }
      expect(sums).toEqual([[{ n: 2 }], [{ n: 42 }]]);
      // Set-wise: planned at each run, for the batch and the tables as they are, so not prepared.
      for (const values of [[1, 2], [3]]) {
        await runner.query('SELECT k.v FROM unnest($1::int[]) AS k(v)', [values]);
      }
      // Read on the same connection (pg_prepared_statements is per session); no parameters, so unnamed.
      const prepared = (await runner.query('SELECT name, statement FROM pg_prepared_statements')) as { name: string; statement: string }[];
      expect(prepared).toEqual([{ name: expect.stringMatching(/^ais_[0-9a-f]{40}$/) as string, statement: 'SELECT $1::int + 1 AS n' }]);
    } finally {
      await runner.release();
      await dataSource.destroy();
    }
  });

  it('outlives a connection PostgreSQL ends while no query runs on it and nobody listens to it', async () => {
    // As when PostgreSQL shuts down under a pool client between two holders (the fault test).
    // Typed as pg's own client: PreparingClient's query() overrides every overload at once.
    const client: Client = new PreparingClient({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const ended = new Promise((resolve) => client.once('end', resolve));

    const admin = new Client({ connectionString: database.url });
    await admin.connect();
    await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
    await admin.end();
    await ended;

    await expect(client.query('SELECT 1')).rejects.toThrow(/not queryable|terminated/);
  });
});
