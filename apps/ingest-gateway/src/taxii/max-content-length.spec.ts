import type { Principal } from '@ais/auth';
import type { AnyEvent } from '@ais/contracts';
import { encodeEvent, type EventPublisher } from '@ais/messaging';
import { Sealer, type KeyStore } from '@ais/sealing';
import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { StatusRepository } from '../status/status.repository';
import { parseEnvelope } from '../submit/parse-envelope';
import { ReceivedWriter } from '../submit/received-writer';
import { SubmitObjectsAdapter } from '../submit/submit-objects.adapter';
import { MAX_CONTENT_LENGTH } from './ingest-root';

/** The broker's default `message.max.bytes` (1,048,588), rounded down to 1 MiB. */
const RECORD_LIMIT = 1024 * 1024;

class MemoryKeyStore implements KeyStore {
  private readonly keys = new Map<string, Buffer>();
  create(keyId: string): Promise<Buffer> {
    const key = this.keys.get(keyId) ?? randomBytes(32);
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

function varintSize(value: number): number {
  const zigzag = value * 2;
  return zigzag < 128 ? 1 : zigzag < 16_384 ? 2 : zigzag < 2_097_152 ? 3 : zigzag < 268_435_456 ? 4 : 5;
}

/** Bytes of a one-record batch (Kafka record batch v2, uncompressed) carrying this event. */
function recordBatchSize(event: AnyEvent): number {
  const message = encodeEvent(event);
  const key = Buffer.byteLength(message.key as string);
  const value = Buffer.byteLength(message.value as string);
  const headers = Object.entries(message.headers ?? {}).reduce((sum, [name, v]) => {
    const n = Buffer.byteLength(name);
    const b = Buffer.byteLength(v as string);
    return sum + varintSize(n) + n + varintSize(b) + b;
  }, 0);
  // attributes, timestamp delta and offset delta (at most 1 + 10 + 5 bytes), then key, value, headers.
  const record = 16 + varintSize(key) + key + varintSize(value) + value + varintSize(3) + headers;
  const BATCH_HEADER = 61;
  return BATCH_HEADER + varintSize(record) + record;
}

/** A TAXII envelope of one indicator, padded with a description to exactly `bytes`. */
function envelopeOf(bytes: number): Buffer {
  const shell = (description: string) =>
    JSON.stringify({ objects: [{ type: 'indicator', spec_version: '2.1', id: `indicator--${randomUUID()}`, created: '2026-11-01T00:00:00.000Z', modified: '2026-11-01T00:00:00.000Z', description }] });
  const body = Buffer.from(shell('é'.repeat(Math.floor((bytes - Buffer.byteLength(shell(''))) / 2)) + 'x'.repeat((bytes - Buffer.byteLength(shell(''))) % 2)));
  expect(body.length).toBe(bytes);
  return body;
}

/**
 * MAX_CONTENT_LENGTH is a promise: any body it lets in is sealed into a `SubmissionReceived` that
 * fits one log record. Sealed here by the real adapter and sealer; only the I/O is faked.
 */
describe('max_content_length', () => {
  async function sealedRecordSize(body: Buffer, principal: Principal): Promise<number> {
    const parsed = parseEnvelope(body);
    if (!parsed.ok) {
      throw new Error(parsed.reason);
    }
    const published: AnyEvent[] = [];
    const tx = { query: () => Promise.resolve([]) };
    const dataSource = { transaction: (work: (t: typeof tx) => Promise<unknown>) => work(tx) } as unknown as DataSource;
    const statuses = { acceptedAmong: () => Promise.resolve(new Set<string>()), createAll: () => Promise.resolve() } as unknown as StatusRepository;
    const publisher = { publish: (events: AnyEvent[]) => Promise.resolve(void published.push(...events)) } as unknown as EventPublisher;
    const received = new ReceivedWriter(dataSource, statuses, publisher);
    await new SubmitObjectsAdapter(new Sealer(new MemoryKeyStore()), statuses, received).submit(principal, parsed.objects, new Date());
    expect(published.map((e) => e.type)).toEqual(['SubmissionReceived']);
    return recordBatchSize(published[0]!);
  }

  const principal: Principal = {
    id: randomUUID(),
    username: 'p',
    role: 'participant',
    // An identity near the 8 KiB it is allowed in the arithmetic of MAX_CONTENT_LENGTH.
    organisation: 'O'.repeat(7_000),
    sectors: ['energy', 'financial-services', 'communications', 'information-technology', 'healthcare-public-health', 'water'],
    city: 'Austin',
    state: 'TX',
    country: 'US',
    defaultConsent: 'none',
    federalEntity: null,
  };

  it('is 720 KiB, under the 1 MiB log record once sealed', () => {
    expect(MAX_CONTENT_LENGTH).toBe(720 * 1024);
  });

  it('lets in no body whose sealed submission outgrows one log record', async () => {
    const size = await sealedRecordSize(envelopeOf(MAX_CONTENT_LENGTH), principal);
    expect(size).toBeLessThanOrEqual(RECORD_LIMIT);
    // The margin the arithmetic promises (37,888 bytes less the smaller reserves actually used).
    expect(RECORD_LIMIT - size).toBeGreaterThan(30_000);
  });

  it('would not have kept that promise at 10 MiB: a body of 800 KiB already outgrows the record', async () => {
    expect(await sealedRecordSize(envelopeOf(800 * 1024), principal)).toBeGreaterThan(RECORD_LIMIT);
  });
});
