import { buildEvent, type EventDataMap, type EventType, type StixObject } from '@ais/contracts';
import { countIncrements, totalsOf, utcDayOf } from './daily-counts.decider';

const SUBMISSION_ID = '6f1d3c2a-8b4e-4f5a-9c7d-1e2f3a4b5c6d';

function event<T extends EventType>(type: T, data: EventDataMap[T], occurredAt = new Date('2025-03-01T23:59:59.999Z')) {
  return buildEvent(type, data, { key: SUBMISSION_ID, producer: 'test', correlationId: SUBMISSION_ID, causationId: null, occurredAt });
}

const indicator: StixObject = { type: 'indicator', id: 'indicator--0c9f6a2e-4b1d-4d3e-8f5a-7b6c5d4e3f2a', spec_version: '2.1' };

function published(heldFieldCount: number, object: StixObject = indicator) {
  return event('IndicatorPublished', {
    objectId: object.id,
    version: '2025-02-03T10:00:00.000Z',
    object,
    submissionId: SUBMISSION_ID,
    sourceObjectId: object.id,
    heldFieldCount,
  });
}

describe('countIncrements', () => {
  it('given a submission received by e-mail, then received/email goes up by one on its UTC day', () => {
    const received = event('SubmissionReceived', {
      submissionId: SUBMISSION_ID,
      channel: 'email',
      principalId: SUBMISSION_ID,
      objectCount: 3,
      receivedAt: '2025-03-01T23:59:59.999Z',
      sealedContent: { keyId: SUBMISSION_ID, iv: 'AAAA', tag: 'AAAA', ciphertext: 'AAAA' },
    });

    expect(countIncrements(received)).toEqual([{ day: '2025-03-01', metric: 'received', dimension: 'email' }]);
  });

  it('given a rejection, then rejected goes up by one', () => {
    const rejected = event('SubmissionRejected', { submissionId: SUBMISSION_ID, reasons: [{ code: 'AIS_VALIDATION_NO_OBJECTS', message: 'none' }] });

    expect(countIncrements(rejected)).toEqual([{ day: '2025-03-01', metric: 'rejected', dimension: 'all' }]);
  });

  it('given a published object with nothing held, then published goes up by one for its STIX type', () => {
    expect(countIncrements(published(0))).toEqual([{ day: '2025-03-01', metric: 'published', dimension: 'indicator' }]);
  });

  it('given a published object whose personal information was withheld, then personal-information-removed goes up too', () => {
    const malware: StixObject = { type: 'malware', id: 'malware--1d0a7b3f-5c2e-4e4f-9a6b-8c7d6e5f4a3b' };

    expect(countIncrements(published(2, malware))).toEqual([
      { day: '2025-03-01', metric: 'published', dimension: 'malware' },
      { day: '2025-03-01', metric: 'personal-information-removed', dimension: 'malware' },
    ]);
  });
});

describe('utcDayOf', () => {
  it('takes the UTC day, whatever offset the timestamp carries', () => {
    expect(utcDayOf('2025-03-01T23:30:00-05:00')).toBe('2025-03-02');
    expect(utcDayOf('2025-03-02T00:30:00+02:00')).toBe('2025-03-01');
  });
});

describe('totalsOf', () => {
  it('sums each metric and dimension over the days', () => {
    expect(
      totalsOf([
        { day: '2025-03-01', metric: 'published', dimension: 'indicator', value: 2 },
        { day: '2025-03-01', metric: 'received', dimension: 'taxii', value: 1 },
        { day: '2025-03-02', metric: 'published', dimension: 'indicator', value: 3 },
        { day: '2025-03-02', metric: 'published', dimension: 'malware', value: 1 },
      ]),
    ).toEqual({ published: { indicator: 5, malware: 1 }, received: { taxii: 1 } });
  });

  it('is empty without days', () => {
    expect(totalsOf([])).toEqual({});
  });
});
