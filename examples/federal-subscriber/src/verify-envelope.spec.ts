import { LatestVersions, compareTimestamps } from './latest-versions';
import { verifyEnvelope, type RawRecord } from './verify-envelope';

const ID = 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f';
const EVENT_ID = '1a2b3c4d-0000-4000-8000-000000000031';

function record(overrides: { envelope?: Record<string, unknown>; data?: Record<string, unknown>; object?: Record<string, unknown>; key?: string; headers?: Record<string, string> } = {}): RawRecord {
  const object = { type: 'indicator', spec_version: '2.1', id: ID, created: '2026-11-01T00:00:00.000Z', modified: '2026-11-02T00:00:00.000Z', ...overrides.object };
  const envelope = {
    eventId: EVENT_ID,
    type: 'IndicatorPublished',
    schemaVersion: 1,
    key: ID,
    occurredAt: '2026-11-02T00:00:01.000Z',
    correlationId: '3f2c1a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60',
    causationId: null,
    producer: 'version-publisher',
    data: { objectId: ID, version: '2026-11-02T00:00:00.000Z', object, submissionId: '3f2c1a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60', sourceObjectId: ID, heldFieldCount: 0, ...overrides.data },
    ...overrides.envelope,
  };
  const headers = { 'ais-type': 'IndicatorPublished', 'ais-event-id': EVENT_ID, 'ais-schema-version': '1', ...overrides.headers };
  return { key: Buffer.from(overrides.key ?? ID), value: Buffer.from(JSON.stringify(envelope)), headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Buffer.from(v)])) };
}

describe('verifyEnvelope', () => {
  it('accepts a published version', () => {
    expect(verifyEnvelope(record())).toMatchObject({ ok: true, version: { objectId: ID, version: '2026-11-02T00:00:00.000Z', eventId: EVENT_ID } });
  });

  it.each([
    ['not-json', { key: null, value: Buffer.from('{oops'), headers: {} } as RawRecord],
    ['bad-envelope', record({ envelope: { eventId: 'x' } })],
    ['unexpected-type', record({ envelope: { type: 'FieldsHeld' }, headers: { 'ais-type': 'FieldsHeld' } })],
    ['unknown-schema-version', record({ envelope: { schemaVersion: 2 }, headers: { 'ais-schema-version': '2' } })],
    ['header-mismatch', record({ headers: { 'ais-event-id': '00000000-0000-4000-8000-000000000000' } })],
    ['key-mismatch', record({ key: 'indicator--00000000-0000-4000-8000-000000000000' })],
    ['bad-object', record({ object: { id: 'indicator--00000000-0000-4000-8000-000000000000' } })],
    ['bad-version', record({ data: { version: '2026-11-03T00:00:00.000Z' } })],
  ])('refuses with %s', (rejection, raw) => {
    expect(verifyEnvelope(raw)).toEqual({ ok: false, rejection });
  });
});

describe('LatestVersions', () => {
  const version = (v: string) => ({ eventId: EVENT_ID, objectId: ID, version: v, object: { id: ID, type: 'indicator' } });

  it('keeps the latest version by timestamp, whatever the arrival order', () => {
    const latest = new LatestVersions();
    expect(latest.offer(version('2026-11-02T00:00:00.000Z'))).toBe('newer');
    expect(latest.offer(version('2026-11-01T00:00:00Z'))).toBe('older');
    expect(latest.offer(version('2026-11-02T00:00:00Z'))).toBe('same');
    expect(latest.offer(version('2026-11-02T00:00:00.0001Z'))).toBe('newer');
    expect(latest.snapshot()[ID]?.version).toBe('2026-11-02T00:00:00.0001Z');
    expect(LatestVersions.from(latest.snapshot()).offer(version('2026-11-02T00:00:00.000Z'))).toBe('older');
  });

  it('compares fractions of any precision', () => {
    expect(compareTimestamps('2026-11-02T00:00:00.1Z', '2026-11-02T00:00:00.100000Z')).toBe(0);
    expect(compareTimestamps('2026-11-02T00:00:00Z', '2026-11-02T00:00:00.001Z')).toBe(-1);
  });
});
