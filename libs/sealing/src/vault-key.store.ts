import { RetriableError } from '@ais/messaging';
import { randomBytes } from 'node:crypto';
import type { KeyStore } from './key-store';
import { InvalidKeyIdError, isUuid } from './key-id';

export interface VaultKeyStoreOptions {
  /** Vault's address, e.g. `https://vault.example.gov:8200` (`AIS_VAULT_ADDR`). */
  readonly address: string;
  /** A token allowed to create, read and delete under the prefix, and nothing else (`AIS_VAULT_TOKEN`). */
  readonly token: string;
  /** Where the KV version 2 secrets engine is mounted (`AIS_VAULT_KV_MOUNT`). */
  readonly mount: string;
  /** The path under the mount that holds one secret per data key (`AIS_VAULT_KEY_PREFIX`). */
  readonly prefix: string;
  /** Requests answered within this, or the call fails as retriable. */
  readonly timeoutMs?: number;
}

/** Requests to Vault at once; the rest queue, so a stage batch does not open hundreds of sockets. */
const MAX_IN_FLIGHT = 32;

interface KvRead {
  readonly data?: { readonly data?: { readonly key?: unknown } };
}

/**
 * Data keys in Vault's KV version 2 secrets engine, one secret per key: the database holds none of
 * them, wrapped or not, so neither a database dump nor any of its backups opens a sealed value.
 * Destroying deletes the secret's metadata, which removes every version of it for good.
 *
 * A create writes with check-and-set 0 (only when the secret does not exist), so a retried create
 * keeps the first key, as the PostgreSQL store does.
 */
export class VaultKeyStore implements KeyStore {
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly dataUrl: string;
  private readonly metadataUrl: string;

  constructor(private readonly options: VaultKeyStoreOptions) {
    const mount = `${options.address.replace(/\/+$/, '')}/v1/${trimSlashes(options.mount)}`;
    this.dataUrl = `${mount}/data/${trimSlashes(options.prefix)}`;
    this.metadataUrl = `${mount}/metadata/${trimSlashes(options.prefix)}`;
  }

  async create(keyId: string): Promise<Buffer> {
    const id = checked(keyId);
    const key = randomBytes(32);
    const response = await this.request('POST', `${this.dataUrl}/${id}`, { options: { cas: 0 }, data: { key: key.toString('base64') } });
    if (response.ok) {
      return key;
    }
    // Vault refuses the write when the secret exists (check-and-set): the stored key wins.
    if (response.status === 400) {
      const stored = await this.get(id);
      if (stored !== null) {
        return stored;
      }
    }
    throw vaultError('create', response.status);
  }

  async get(keyId: string): Promise<Buffer | null> {
    const id = checked(keyId);
    const response = await this.request('GET', `${this.dataUrl}/${id}`);
    if (response.status === 404) {
      return null;
    }
    if (!response.ok) {
      throw vaultError('read', response.status);
    }
    const encoded = (response.body as KvRead | null)?.data?.data?.key;
    const key = typeof encoded === 'string' ? Buffer.from(encoded, 'base64') : null;
    if (key?.length !== 32) {
      throw new Error('Vault returned a data key that is not 32 bytes');
    }
    return key;
  }

  async destroy(keyId: string): Promise<void> {
    const id = checked(keyId);
    const response = await this.request('DELETE', `${this.metadataUrl}/${id}`);
    if (!response.ok && response.status !== 404) {
      throw vaultError('destroy', response.status);
    }
  }

  private async request(method: string, url: string, body?: unknown): Promise<{ ok: boolean; status: number; body: unknown }> {
    await this.slot();
    try {
      const response = await fetch(url, {
        method,
        headers: { 'X-Vault-Token': this.options.token, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      return { ok: response.ok, status: response.status, body: jsonOrNull(await response.text()) };
    } catch (error) {
      // Unreachable, reset or timed out: the stage retries, as it does when PostgreSQL is away.
      throw new RetriableError('Vault did not answer', { cause: error });
    } finally {
      this.release();
    }
  }

  private async slot(): Promise<void> {
    if (this.inFlight >= MAX_IN_FLIGHT) {
      // Handed over by `release`, which keeps the count.
      return new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.inFlight += 1;
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next === undefined) {
      this.inFlight -= 1;
    } else {
      next();
    }
  }
}

function checked(keyId: string): string {
  if (!isUuid(keyId)) {
    throw new InvalidKeyIdError();
  }
  return keyId.toLowerCase();
}

/** A proxy in front of Vault may answer an error page: only the status counts then. */
function jsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

/** Vault's answer by status only: its error texts may name the path. */
function vaultError(operation: string, status: number): Error {
  const message = `Vault refused to ${operation} a data key (HTTP ${status})`;
  // Sealed, standby without forwarding, rate-limited or failing: a retry can succeed.
  return status === 429 || status >= 500 ? new RetriableError(message) : new Error(message);
}
