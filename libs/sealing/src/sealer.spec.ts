import type { KeyStore } from './key-store';
import { KeyDestroyedError, Sealer } from './sealer';

/** An in-memory key store: the sealer's logic, without the database. */
class MemoryKeyStore implements KeyStore {
  readonly keys = new Map<string, Buffer>();
  create(keyId: string): Promise<Buffer> {
    const key = this.keys.get(keyId) ?? Buffer.alloc(32, keyId.length);
    this.keys.set(keyId, key);
    return Promise.resolve(key);
  }
  get(keyId: string): Promise<Buffer | null> {
    return Promise.resolve(this.keys.get(keyId) ?? null);
  }
  destroy(keyId: string): Promise<void> {
    this.keys.delete(keyId);
    return Promise.resolve();
  }
}

const KEY_ID = '7d1e2f3a-4b5c-4d6e-8f9a-0b1c2d3e4f50';

describe('Sealer', () => {
  it('opens what it sealed, and the ciphertext does not show the content', async () => {
    const sealer = new Sealer(new MemoryKeyStore());
    const blob = await sealer.seal(KEY_ID, { email: 'jane.doe@example.com' });
    expect(Buffer.from(blob.ciphertext, 'base64').toString('utf8')).not.toContain('jane');
    expect(await sealer.open(blob)).toEqual({ email: 'jane.doe@example.com' });
  });

  it('cannot open anything once the key is destroyed', async () => {
    const sealer = new Sealer(new MemoryKeyStore());
    const blob = await sealer.seal(KEY_ID, { secret: 1 });
    await sealer.destroy(KEY_ID);
    await expect(sealer.open(blob)).rejects.toBeInstanceOf(KeyDestroyedError);
  });

  it('refuses a tampered ciphertext or a blob moved to another key id', async () => {
    const keys = new MemoryKeyStore();
    const sealer = new Sealer(keys);
    const blob = await sealer.seal(KEY_ID, { n: 1 });
    const flipped = Buffer.from(blob.ciphertext, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    await expect(sealer.open({ ...blob, ciphertext: flipped.toString('base64') })).rejects.toThrow();
    const other = '8d1e2f3a-4b5c-4d6e-8f9a-0b1c2d3e4f50';
    keys.keys.set(other, keys.keys.get(KEY_ID)!);
    await expect(sealer.open({ ...blob, keyId: other })).rejects.toThrow();
  });
});
