import { VaultDevServer, waitFor } from '@ais/testing';
import { Client } from 'pg';
import { AnalystApi } from './support/analyst-api';
import { E2eSystem, type Account } from './support/e2e-system';
import { indicator } from './support/stix-fixtures';

const INGEST = '/ingest/collections/6f4b7f9e-3a52-4c8e-9b1d-2f0c5e8a7d41/objects/';
const PORT_BASE = 19880;
const MOUNT = 'secret';
const PREFIX = 'ais/data-keys';

/**
 * The whole system with `AIS_KEY_STORE=vault`, as the `prod` overlay runs it: a real Vault, a
 * token holding only the policy docs/operations.md gives, and no data key in the database.
 */
describe('the Vault key store, end to end', () => {
  const vault = new VaultDevServer();
  let system: E2eSystem;
  let participant: Account;
  let analystApi: AnalystApi;

  beforeAll(async () => {
    await vault.start();
    const token = await vault.keyStoreToken(MOUNT, PREFIX);
    system = new E2eSystem(PORT_BASE, { env: { AIS_KEY_STORE: 'vault', AIS_VAULT_ADDR: vault.address, AIS_VAULT_TOKEN: token } });
    await system.start();
    participant = await system.createAccount('participant', { sectors: ['energy'], city: 'Austin', state: 'TX' });
    analystApi = new AnalystApi(system, await system.createAccount('analyst'));
  }, 180_000);

  afterAll(async () => {
    await system?.stop();
    await vault.stop();
  }, 60_000);

  async function inVault(keyId: string): Promise<boolean> {
    const { status } = await vault.api('GET', `${MOUNT}/metadata/${PREFIX}/${keyId}`);
    expect([200, 404]).toContain(status);
    return status === 200;
  }

  async function query<T>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: system.databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, parameters)).rows as T[];
    } finally {
      await client.end();
    }
  }

  it('seals and opens withheld values with keys that live in Vault only, and shreds them there', async () => {
    const submitted: Record<string, unknown> = { ...indicator(), description: 'Beacon seen on the laptop of jane.doe@victim-corp.com in finance.' };
    expect((await system.taxii('ingest-gateway', INGEST, participant, { method: 'POST', body: { objects: [submitted] } })).status).toBe(202);

    // The analyst reads the withheld value: opened with its key from Vault.
    const task = await analystApi.heldTaskOf(submitted.id as string);
    expect(task.content?.values).toEqual([expect.objectContaining({ path: 'description', value: submitted.description })]);
    const [row] = await query<{ keyId: string }>(`SELECT sealed_values->>'keyId' AS "keyId" FROM review.held_field_tasks WHERE task_id = $1`, [task.id]);
    const keyId = row!.keyId;
    expect(await inVault(keyId)).toBe(true);
    expect(await query('SELECT key_id FROM keystore.data_keys')).toEqual([]);

    // Deleting the value destroys its key in Vault: the content can never be opened again.
    const deleted = await analystApi.call('POST', `/review/tasks/${task.id}/decision`, { fields: [{ path: 'description', outcome: 'deleted' }] });
    expect(deleted.status).toBe(200);
    await waitFor(async () => !(await inVault(keyId)), { description: 'the value key destroyed in Vault' });
    expect((await analystApi.call('GET', `/review/tasks/${task.id}`)).body.contentStatus).toBe('deleted');
    expect(await query('SELECT key_id FROM keystore.data_keys')).toEqual([]);
  });
});
