import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEvent } from './build-event';
import { decodeEvent, EnvelopeErrorCode } from './decode-event';
import { EVENT_CATALOG, isEventType, type EventDefinition, type EventType } from './event-catalog';
import { opaqueJsonProperties } from './opaque-json';

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

type Envelope = { type: string; schemaVersion: number; data: Record<string, unknown> } & Record<string, unknown>;

function fixture(name: string): Envelope {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.v1.json`), 'utf8')) as Envelope;
}

function withData(name: string, change: (data: Record<string, unknown>) => void): string {
  const envelope = fixture(name);
  change(envelope.data);
  return JSON.stringify(envelope);
}

/** Validation as decodeEvent did it before `@OpaqueJson()`: the whole payload through class-transformer. */
function validatedWhole(envelope: Envelope): { ok: boolean; properties: string[] } {
  if (!isEventType(envelope.type)) {
    throw new Error(`not a catalog type: ${envelope.type}`);
  }
  const errors = validateSync(plainToInstance(EVENT_CATALOG[envelope.type].payloadClass, envelope.data), { forbidUnknownValues: true });
  return { ok: errors.length === 0, properties: errors.map((error) => error.property) };
}

describe('decodeEvent on payloads with opaque JSON members', () => {
  const opaqueValues: [string, unknown][] = [
    ['an empty array', []],
    ['an empty object', {}],
    ['a string', 'text'],
    ['a number', 42],
    ['null', null],
    ['an array of numbers', [1, 2]],
    ['an array of objects', [{ type: 'x', id: 'x--1' }, {}]],
    ['an array of arrays', [[{}]]],
    ['an array with null', [{ type: 'x' }, null]],
    ['a nested object', { a: { b: [1, { c: null }] } }],
  ];
  const cases = readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.replace(/\.v1\.json$/, ''))
    .flatMap((name) => {
      const { type } = fixture(name);
      return isEventType(type) ? opaqueJsonProperties(EVENT_CATALOG[type].payloadClass).map((property) => [name, property] as const) : [];
    });

  it('covers the free-form members of the pipeline, publication, review and profile events', () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        ['submission-screened', 'objects'],
        ['submission-screened', 'renamedFrom'],
        ['submission-validated', 'objects'],
        ['submission-anonymized', 'objects'],
        ['indicator-published', 'object'],
        ['review-decided', 'restored'],
        ['profile-version-published', 'profile'],
      ]),
    );
  });

  it('accepts and refuses exactly what validating a class-transformer copy of the whole payload did', () => {
    let refused = 0;
    for (const [name, property] of cases) {
      for (const [label, value] of [...opaqueValues, ['absent', undefined] as [string, unknown]]) {
        const envelope = fixture(name);
        if (value === undefined) {
          delete envelope.data[property];
        } else {
          envelope.data[property] = value;
        }
        const expected = validatedWhole(envelope);
        const result = decodeEvent(JSON.stringify(envelope));
        expect({ name, property, label, ok: result.ok }).toEqual({ name, property, label, ok: expected.ok });
        if (!result.ok) {
          refused++;
          expect(result.code).toBe(EnvelopeErrorCode.InvalidPayload);
          expect(result.reason.split('; ').map((part) => part.split(/[.:]/)[0])).toEqual(expected.properties);
        }
      }
    }
    // Most of these values break the members' own rules: the comparison is not only between successes.
    expect(refused).toBeGreaterThan(cases.length * 4);
  });

  it('passes STIX content through exactly as it was on the log, including keys class-transformer cannot copy', () => {
    const objects: Record<string, unknown>[] = [
      { type: 'indicator', id: 'indicator--1', x_custom: { nested: [[1, 'two', { three: null }]], flag: false } },
      { type: 'x-thing', id: 'x-thing--1', constructor: 'a STIX custom property named constructor' },
      { type: 'note', id: 'note--1', external_references: [{ source_name: 'x', constructor: { k: 1 } }] },
    ];
    const raw = withData('submission-screened', (data) => {
      data.objects = objects;
      data.renamedFrom = { 'indicator--1': 'indicator--0' };
    }).replace('"x_custom":', '"__proto__":{"polluted":true},"x_custom":');
    const result = decodeEvent(raw);

    expect(result.ok).toBe(true);
    expect(result.ok && JSON.stringify(result.event.data)).toBe(JSON.stringify((JSON.parse(raw) as Envelope).data));
  });

  it.each([
    ['objects not an array', 'submission-screened', (d: Record<string, unknown>) => (d.objects = { type: 'indicator' }), 'objects'],
    ['a string among the objects', 'submission-screened', (d: Record<string, unknown>) => (d.objects = [{ type: 'indicator' }, 'indicator--1']), 'objects'],
    ['renamedFrom an array', 'submission-screened', (d: Record<string, unknown>) => (d.renamedFrom = ['indicator--0']), 'renamedFrom'],
    ['a negative heldFieldCount', 'submission-screened', (d: Record<string, unknown>) => (d.heldFieldCount = -1), 'heldFieldCount'],
    ['a submitter country too long', 'submission-screened', (d: Record<string, unknown>) => ((d.submitter as Record<string, unknown>).country = 'USA'), 'submitter.country'],
    ['a failure without a code', 'submission-screened', (d: Record<string, unknown>) => (d.failures = [{ message: 'm' }]), 'failures.0.code'],
    ['an unknown consent', 'submission-validated', (d: Record<string, unknown>) => (d.consent = 'all'), 'consent'],
    ['a published object that is an array', 'indicator-published', (d: Record<string, unknown>) => (d.object = [{ type: 'indicator' }]), 'object'],
    ['a published object missing', 'indicator-published', (d: Record<string, unknown>) => delete d.object, 'object'],
    ['restored values as text', 'review-decided', (d: Record<string, unknown>) => (d.restored = 'description'), 'restored'],
    ['a profile that is null', 'profile-version-published', (d: Record<string, unknown>) => (d.profile = null), 'profile'],
  ])('still refuses %s', (_label, name, change, path) => {
    const result = decodeEvent(withData(name, change));

    expect(result.ok).toBe(false);
    expect(!result.ok && result.code).toBe(EnvelopeErrorCode.InvalidPayload);
    expect(!result.ok && result.reason).toContain(`${path}:`);
  });

  it('still refuses a bad envelope around valid STIX content', () => {
    const envelope = fixture('submission-screened');
    delete envelope.producer;

    expect(decodeEvent(JSON.stringify(envelope))).toEqual({ ok: false, code: EnvelopeErrorCode.BadEnvelope, reason: 'producer must be a non-empty string' });
  });

  it('dead-letters a payload class-transformer cannot read instead of throwing at the consumer', () => {
    const raw = withData('submission-rejected', (data) => (data.note = { constructor: 'x' }));

    expect(decodeEvent(raw)).toEqual({ ok: false, code: EnvelopeErrorCode.InvalidPayload, reason: 'payload could not be read into its class' });
  });
});

describe('decodeEvent upcasting', () => {
  afterEach(() => jest.restoreAllMocks());

  /** SubmissionScreened as if v1 had called the objects `stixObjects` and v2 renamed them. */
  function withVersion2(upcast: (data: Record<string, unknown>) => Record<string, unknown>): void {
    const current: EventDefinition = EVENT_CATALOG.SubmissionScreened;
    jest.replaceProperty(EVENT_CATALOG as Record<EventType, EventDefinition>, 'SubmissionScreened', { ...current, schemaVersion: 2, upcasters: [upcast] });
  }

  it('runs the upcasters before validating, and hands on their output as it is', () => {
    const outputs: Record<string, unknown>[] = [];
    withVersion2(({ stixObjects, ...rest }) => {
      const output = { ...rest, objects: stixObjects };
      outputs.push(output);
      return output;
    });
    const raw = withData('submission-screened', (data) => {
      data.stixObjects = data.objects;
      delete data.objects;
    });
    const result = decodeEvent(raw);

    expect(result.ok).toBe(true);
    expect(result.ok && result.event.schemaVersion).toBe(2);
    expect(result.ok && result.event.data).toBe(outputs[0]);
    expect(result.ok && (result.event.data as { objects: unknown }).objects).toEqual(fixture('submission-screened').data.objects);
  });

  it('validates what the upcasters produce, opaque members included', () => {
    withVersion2((data) => ({ ...data, objects: 'not an array' }));

    const result = decodeEvent(JSON.stringify(fixture('submission-screened')));

    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain('objects:');
  });
});
