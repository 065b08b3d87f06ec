import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEvent } from './build-event';
import { decodeEvent, EnvelopeErrorCode } from './decode-event';
import { EVENT_CATALOG, type EventType } from './event-catalog';

const FIXTURES = join(__dirname, '__fixtures__');
const at = new Date('2026-11-01T12:00:00.000Z');
const origin = { key: 'k-1', producer: 'test', correlationId: 'c-1', causationId: null, occurredAt: at };

describe('decodeEvent', () => {
  it('accepts every golden fixture, and every event type has one', () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));
    const types = new Set<string>();
    for (const file of files) {
      const result = decodeEvent(readFileSync(join(FIXTURES, file)));
      expect({ file, ok: result.ok, reason: result.ok ? undefined : result.reason }).toEqual({ file, ok: true, reason: undefined });
      if (result.ok) {
        types.add(result.event.type);
      }
    }
    expect([...types].sort()).toEqual(Object.keys(EVENT_CATALOG).sort());
  });

  it('round-trips an event built by buildEvent', () => {
    const event = buildEvent('SubmissionRejected', { submissionId: '3f2c1a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60', reasons: [{ code: 'X', message: 'y' }] }, origin);
    const result = decodeEvent(JSON.stringify(event));
    expect(result).toEqual({ ok: true, event });
  });

  it.each([
    ['not JSON', '{"eventId":', EnvelopeErrorCode.NotJson],
    ['an array', '[]', EnvelopeErrorCode.BadEnvelope],
    ['a bad eventId', JSON.stringify({ ...buildEvent('SubmissionRejected', { submissionId: 'x', reasons: [] }, origin), eventId: 'nope' }), EnvelopeErrorCode.BadEnvelope],
    ['an unknown type', JSON.stringify({ ...buildEvent('SubmissionRejected', { submissionId: 'x', reasons: [] }, origin), type: 'SomethingElse' }), EnvelopeErrorCode.UnknownType],
    ['a future schema version', JSON.stringify({ ...buildEvent('SubmissionRejected', { submissionId: 'x', reasons: [] }, origin), schemaVersion: 99 }), EnvelopeErrorCode.FutureSchemaVersion],
  ])('rejects %s', (_label, raw, code) => {
    const result = decodeEvent(raw);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.code).toBe(code);
  });

  it('rejects an invalid payload naming the properties, never the values', () => {
    const secret = 'jane.doe@example.com';
    const event = buildEvent('SubmissionRejected', { submissionId: secret, reasons: [] }, origin);
    const result = decodeEvent(JSON.stringify(event));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(EnvelopeErrorCode.InvalidPayload);
      expect(result.reason).toContain('submissionId');
      expect(result.reason).toContain('reasons');
      expect(result.reason).not.toContain(secret);
    }
  });

  it('lists the topic of every event type among the contract topics', () => {
    for (const type of Object.keys(EVENT_CATALOG) as EventType[]) {
      expect(EVENT_CATALOG[type].topic).toMatch(/^ais\.[a-z-]+\.[a-z-]+\.v\d+$/);
      expect(EVENT_CATALOG[type].upcasters).toHaveLength(EVENT_CATALOG[type].schemaVersion - 1);
    }
  });
});
