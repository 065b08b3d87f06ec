import type { SealedBlob } from '@ais/contracts';
import { decrypt, encrypt } from './aes-gcm';
import type { KeyStore } from './key-store';

export class KeyDestroyedError extends Error {
  constructor() {
    super('the data key of this sealed content was destroyed');
    this.name = 'KeyDestroyedError';
  }
}

/** Seals and opens JSON content with per-submission data keys. */
export class Sealer {
  constructor(private readonly keys: KeyStore) {}

  async seal(keyId: string, content: unknown): Promise<SealedBlob> {
    // create() returns the key already stored under this id, if any.
    const key = await this.keys.create(keyId);
    const sealed = encrypt(key, Buffer.from(JSON.stringify(content), 'utf8'), Buffer.from(keyId));
    return {
      keyId,
      iv: sealed.iv.toString('base64'),
      tag: sealed.tag.toString('base64'),
      ciphertext: sealed.ciphertext.toString('base64'),
    };
  }

  async open<T>(blob: SealedBlob): Promise<T> {
    const key = await this.keys.get(blob.keyId);
    if (key === null) {
      throw new KeyDestroyedError();
    }
    const plaintext = decrypt(
      key,
      { iv: Buffer.from(blob.iv, 'base64'), tag: Buffer.from(blob.tag, 'base64'), ciphertext: Buffer.from(blob.ciphertext, 'base64') },
      Buffer.from(blob.keyId),
    );
    return JSON.parse(plaintext.toString('utf8')) as T;
  }

  /** Crypto-shredding: every copy of what this key sealed becomes unreadable. */
  async destroy(keyId: string): Promise<void> {
    await this.keys.destroy(keyId);
  }
}
