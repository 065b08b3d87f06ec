import { isRetriable } from '@ais/messaging';
import { VaultDevServer } from '@ais/testing';
import { randomUUID } from 'node:crypto';
import { InvalidKeyIdError } from '../../src/key-id';
import { KeyDestroyedError, Sealer } from '../../src/sealer';
import { VaultKeyStore } from '../../src/vault-key.store';

const MOUNT = 'secret';
const PREFIX = 'ais/data-keys';

/**
 * The `vault` key store against a real Vault (development mode), with a token holding only the
 * policy docs/operations.md gives the services: what production's key store relies on.
 */
describe('VaultKeyStore', () => {
  const vault = new VaultDevServer();
  let store: VaultKeyStore;
  let token: string;

  beforeAll(async () => {
    await vault.start();
    token = await vault.keyStoreToken(MOUNT, PREFIX);
    store = new VaultKeyStore({ address: vault.address, token, mount: MOUNT, prefix: PREFIX });
  }, 60_000);

  afterAll(() => vault.stop());

  it('creates a key once: a second create, even concurrent, returns the stored key', async () => {
    const keyId = randomUUID();
    const [first, second] = await Promise.all([store.create(keyId), store.create(keyId)]);
    expect(first.length).toBe(32);
    expect(second.equals(first)).toBe(true);
    expect((await store.create(keyId.toUpperCase())).equals(first)).toBe(true);
    expect((await store.get(keyId))?.equals(first)).toBe(true);
  });

  it('gives each of many keys created at once its own key', async () => {
    const keyIds = Array.from({ length: 200 }, () => randomUUID());
    const created = await Promise.all(keyIds.map((keyId) => store.create(keyId)));
    expect(new Set(created.map((key) => key.toString('hex'))).size).toBe(keyIds.length);
    const read = await Promise.all(keyIds.map((keyId) => store.get(keyId)));
    expect(read.map((key) => key?.toString('hex'))).toEqual(created.map((key) => key.toString('hex')));
  });

  it('destroys every version of a key for good; a later create makes a new one', async () => {
    const keyId = randomUUID();
    const first = await store.create(keyId);
    await store.destroy(keyId);
    expect(await store.get(keyId)).toBeNull();
    // Not even soft-deleted: the secret's metadata and versions are gone from Vault.
    expect((await vault.api('GET', `${MOUNT}/metadata/${PREFIX}/${keyId}`)).status).toBe(404);
    await store.destroy(keyId);
    const second = await store.create(keyId);
    expect(second.equals(first)).toBe(false);
  });

  it('answers null for a key never created', async () => {
    expect(await store.get(randomUUID())).toBeNull();
  });

  it('crypto-shreds through the Sealer: sealed content opens until its key is destroyed', async () => {
    const sealer = new Sealer(store);
    const keyId = randomUUID();
    const blob = await sealer.seal(keyId, { email: 'someone@example.com' });
    expect(blob.ciphertext).not.toContain('someone');
    await expect(sealer.open(blob)).resolves.toEqual({ email: 'someone@example.com' });
    await sealer.destroy(keyId);
    await expect(sealer.open(blob)).rejects.toBeInstanceOf(KeyDestroyedError);
  });

  it('refuses a key id that is not a UUID before asking Vault', async () => {
    await expect(store.create('../../sys/policies/acl/root')).rejects.toBeInstanceOf(InvalidKeyIdError);
    await expect(store.get('not-a-uuid')).rejects.toBeInstanceOf(InvalidKeyIdError);
    await expect(store.destroy('')).rejects.toBeInstanceOf(InvalidKeyIdError);
  });

  it('fails a refused token without retrying and without naming the key', async () => {
    const keyId = randomUUID();
    const refused = new VaultKeyStore({ address: vault.address, token: 'not-a-token', mount: MOUNT, prefix: PREFIX });
    const error = await refused.create(keyId).then(() => null, (e: unknown) => e as Error);
    expect(error?.message).toBe('Vault refused to create a data key (HTTP 403)');
    expect(isRetriable(error)).toBe(false);
  });

  it('keeps to its prefix: the policy refuses the same call elsewhere', async () => {
    const elsewhere = new VaultKeyStore({ address: vault.address, token, mount: MOUNT, prefix: 'other/keys' });
    await expect(elsewhere.create(randomUUID())).rejects.toThrow('HTTP 403');
  });

  it('fails as retriable while Vault cannot be reached', async () => {
    const away = new VaultKeyStore({ address: 'http://127.0.0.1:9', token, mount: MOUNT, prefix: PREFIX, timeoutMs: 2_000 });
    const error = await away.get(randomUUID()).then(() => null, (e: unknown) => e);
    expect(isRetriable(error)).toBe(true);
  });
});
