import { dataSourceOptions, migrateSchemas } from '@ais/persistence';
import { ScratchDatabase } from '@ais/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { KEYSTORE_SCHEMA_OWNER } from '../../src/keystore.migrations';
import { InvalidKeyIdError } from '../../src/key-id';
import { KEYSTORE_SCHEMA, PostgresKeyStore } from '../../src/postgres-key.store';
import { KeyDestroyedError, Sealer } from '../../src/sealer';

/** The data-key store against the real PostgreSQL: what every sealing service relies on. */
describe('PostgresKeyStore', () => {
  const database = new ScratchDatabase('keystore');
  let dataSource: DataSource;
  const masterKey = randomBytes(32);
  let store: PostgresKeyStore;

  beforeAll(async () => {
    await database.create();
    await migrateSchemas(database.url, [KEYSTORE_SCHEMA_OWNER]);
    dataSource = await new DataSource(dataSourceOptions({ url: database.url, schema: KEYSTORE_SCHEMA, migrations: [] })).initialize();
    store = new PostgresKeyStore(dataSource, masterKey);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database.drop();
  });

  it('creates a key once: a second create, even concurrent, returns the stored key', async () => {
    const keyId = randomUUID();
    const [first, second] = await Promise.all([store.create(keyId), store.create(keyId)]);
    expect(first.length).toBe(32);
    expect(second.equals(first)).toBe(true);
    expect((await store.create(keyId)).equals(first)).toBe(true);
    expect((await store.get(keyId))?.equals(first)).toBe(true);
    const rows: unknown[] = await dataSource.query(`SELECT 1 FROM ${KEYSTORE_SCHEMA}.data_keys WHERE key_id = $1`, [keyId]);
    expect(rows).toHaveLength(1);
  });

  it('stores keys wrapped: the row does not hold the key itself', async () => {
    const keyId = randomUUID();
    const key = await store.create(keyId);
    const [row]: { wrapped_key: Buffer }[] = await dataSource.query(`SELECT wrapped_key FROM ${KEYSTORE_SCHEMA}.data_keys WHERE key_id = $1`, [keyId]);
    expect(row!.wrapped_key.equals(key)).toBe(false);
    expect(row!.wrapped_key.includes(key.subarray(0, 8))).toBe(false);
  });

  it('creates, reads and destroys keys asked for together in one statement each, each key its own', async () => {
    let statements = 0;
    const counted = new PostgresKeyStore({ query: (sql, parameters) => (statements++, dataSource.query(sql, parameters)) }, masterKey);
    const stored = randomUUID();
    const storedKey = await store.create(stored);
    const keyIds = [...Array.from({ length: 40 }, () => randomUUID()), stored];

    const created = await Promise.all(keyIds.map((keyId) => counted.create(keyId)));
    expect(statements).toBe(1);
    expect(new Set(created.map((key) => key.toString('hex'))).size).toBe(keyIds.length);
    expect(created[keyIds.length - 1]!.equals(storedKey)).toBe(true);

    statements = 0;
    const read = await Promise.all([...keyIds, randomUUID()].map((keyId) => counted.get(keyId)));
    expect(statements).toBe(1);
    expect(read.slice(0, -1).every((key, i) => key?.equals(created[i]!))).toBe(true);
    expect(read.at(-1)).toBeNull();

    statements = 0;
    await Promise.all(keyIds.slice(0, 20).map((keyId) => counted.destroy(keyId)));
    expect(statements).toBe(1);
    const after = await Promise.all(keyIds.map((keyId) => store.get(keyId)));
    expect(after.map((key) => key !== null)).toEqual(keyIds.map((_, i) => i >= 20));
  });

  it('fails a call with a key id that is not a UUID alone, not the calls made with it', async () => {
    const keyIds = [randomUUID(), randomUUID()];
    const [first, bad, second] = await Promise.allSettled([store.create(keyIds[0]!), store.create('not-a-uuid'), store.create(keyIds[1]!)]);
    expect([first.status, bad.status, second.status]).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((bad as PromiseRejectedResult).reason).toBeInstanceOf(InvalidKeyIdError);
    const read = await Promise.allSettled([store.get(keyIds[0]!), store.get('x'), store.destroy('y')]);
    expect(read.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
  });

  it('opens what it sealed until the key is destroyed, then never again', async () => {
    const sealer = new Sealer(store);
    const keyId = randomUUID();
    const sealed = await sealer.seal(keyId, { organisation: 'Example Energy' });
    expect(await sealer.open(sealed)).toEqual({ organisation: 'Example Energy' });
    await sealer.destroy(keyId);
    expect(await store.get(keyId)).toBeNull();
    await expect(sealer.open(sealed)).rejects.toBeInstanceOf(KeyDestroyedError);
  });
});
