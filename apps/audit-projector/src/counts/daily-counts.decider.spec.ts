import { buildEvent, type EventDataMap, type StixObject } from '@ais/contracts';
import type { AuditEvent, AuditEventType } from '../projection/audit-events';
import { classificationOf, countIncrements, removalDimension, totalsOf, utcDayOf, type CountIncrement } from './daily-counts.decider';

const SUBMISSION_ID = '6f1d3c2a-8b4e-4f5a-9c7d-1e2f3a4b5c6d';
const PRINCIPAL = '2f1e0d9c-8b7a-4c6d-9e5f-4a3b2c1d0e9f';
const DAY = '2025-03-01';
const SEALED = { keyId: SUBMISSION_ID, iv: 'AAAA', tag: 'AAAA', ciphertext: 'AAAA' };
const TLP_GREEN = 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da';

/** Given an event of this type and payload, at the last millisecond of 2025-03-01 UTC. */
function given<T extends AuditEventType>(type: T, data: EventDataMap[T], occurredAt = new Date('2025-03-01T23:59:59.999Z')): AuditEvent {
  return buildEvent(type, data, { key: SUBMISSION_ID, producer: 'test', correlationId: SUBMISSION_ID, causationId: null, occurredAt }) as AuditEvent;
}

const inc = (metric: CountIncrement['metric'], dimension: string, value = 1): CountIncrement => ({ day: DAY, metric, dimension, value });

const indicator = (id = 'indicator--0c9f6a2e-4b1d-4d3e-8f5a-7b6c5d4e3f2a'): StixObject => ({ type: 'indicator', id, spec_version: '2.1', object_marking_refs: [TLP_GREEN] });
const pipeline = { submissionId: SUBMISSION_ID, profileVersion: '1', submitter: { sectors: ['energy'], country: 'US', state: 'TX' }, consent: 'none' as const };

describe('countIncrements', () => {
  describe('received by channel', () => {
    it('counts a TAXII submission and its objects', () => {
      const received = given('SubmissionReceived', { submissionId: SUBMISSION_ID, channel: 'taxii', principalId: PRINCIPAL, objectCount: 3, receivedAt: '2025-03-01T23:59:59.999Z', sealedContent: SEALED });
      expect(countIncrements(received)).toEqual([inc('received', 'taxii'), inc('received-objects', 'taxii', 3)]);
    });

    it('counts a web-form or e-mail submission when it arrives, and its objects once triage builds them', () => {
      const manual = given('ManualSubmissionReceived', { submissionId: SUBMISSION_ID, channel: 'email', kind: 'indicator', receivedAt: '2025-03-01T10:00:00.000Z', sealedContent: SEALED });
      expect(countIncrements(manual)).toEqual([inc('received', 'email')]);

      const accepted = given('TriageAccepted', { submissionId: SUBMISSION_ID, channel: 'email', decidedBy: PRINCIPAL, objectCount: 2, sealedContent: SEALED });
      expect(countIncrements(accepted)).toEqual([inc('triage-accepted', 'email'), inc('received-objects', 'email', 2)]);

      const rejected = given('TriageRejected', { submissionId: SUBMISSION_ID, channel: 'web-form', decidedBy: PRINCIPAL, reason: 'not an indicator' });
      expect(countIncrements(rejected)).toEqual([inc('triage-rejected', 'web-form')]);
    });
  });

  describe('rejections by reason', () => {
    it('counts a rejected submission once and each of its reasons by code', () => {
      const rejected = given('SubmissionRejected', {
        submissionId: SUBMISSION_ID,
        reasons: [
          { code: 'AIS_PROFILE_SUBMITTER_SECTOR_MISSING', message: 'm' },
          { objectId: 'indicator--1', code: 'AIS_STIX_INVALID', message: 'm' },
        ],
      });
      expect(countIncrements(rejected)).toEqual([inc('rejected', 'all'), inc('rejection-reason', 'AIS_PROFILE_SUBMITTER_SECTOR_MISSING'), inc('rejection-reason', 'AIS_STIX_INVALID')]);
    });

    it('counts objects refused inside an accepted submission by their code', () => {
      const validated = given('SubmissionValidated', {
        ...pipeline,
        objects: [],
        failures: [{ objectId: 'malware--1', code: 'AIS_PROFILE_TYPE_NOT_IN_PROFILE', message: 'm' }],
        removals: [],
      });
      expect(countIncrements(validated)).toEqual([inc('rejection-reason', 'AIS_PROFILE_TYPE_NOT_IN_PROFILE')]);
    });
  });

  describe('extent properly classified', () => {
    it('counts each travelling object as valid, or valid after pruning when a marking reference was removed', () => {
      const validated = given('SubmissionValidated', {
        ...pipeline,
        objects: [indicator('indicator--a'), indicator('indicator--b'), { type: 'marking-definition', id: 'marking-definition--x' }],
        failures: [],
        removals: [{ objectId: 'indicator--b', path: '/object_marking_refs/1', reason: 'AIS_PROFILE_VALUE_NOT_IN_VOCABULARY' }],
      });
      const classification = countIncrements(validated).filter((i) => i.metric === 'classification');
      // The marking definition is exempt from the marking rule: not assessed.
      expect(classification).toEqual([inc('classification', 'valid'), inc('classification', 'valid-after-pruning')]);
    });

    it('counts objects failed for a missing or conflicting TLP marking, in accepted and rejected submissions', () => {
      const validated = given('SubmissionValidated', {
        ...pipeline,
        objects: [indicator()],
        failures: [{ objectId: 'indicator--m', code: 'AIS_PROFILE_TLP_MARKING_MISSING', message: 'm' }],
        removals: [],
      });
      expect(countIncrements(validated).filter((i) => i.metric === 'classification')).toEqual([inc('classification', 'valid'), inc('classification', 'missing')]);

      const rejected = given('SubmissionRejected', {
        submissionId: SUBMISSION_ID,
        reasons: [
          { objectId: 'indicator--c', code: 'AIS_PROFILE_TLP_MARKING_CONFLICT', message: 'm' },
          { code: 'AIS_PROFILE_TLP_MARKING_MISSING', message: 'without an object id: not an object assessed' },
        ],
      });
      expect(countIncrements(rejected).filter((i) => i.metric === 'classification')).toEqual([inc('classification', 'conflict')]);
    });
  });

  describe('prohibited fields removed by path', () => {
    it('counts each removal by object type and property, list entries marked []', () => {
      const validated = given('SubmissionValidated', {
        ...pipeline,
        objects: [indicator()],
        failures: [],
        removals: [
          { objectId: 'indicator--a', path: '/indicator_types/1', reason: 'AIS_PROFILE_VALUE_NOT_IN_VOCABULARY' },
          { objectId: 'indicator--a', path: '/indicator_types/3', reason: 'AIS_PROFILE_VALUE_NOT_IN_VOCABULARY' },
          { objectId: 'identity--b', path: '/contact_information', reason: 'AIS_PROFILE_PROPERTY_NOT_IN_PROFILE' },
        ],
      });
      expect(countIncrements(validated).filter((i) => i.metric === 'prohibited-field-removed')).toEqual([
        inc('prohibited-field-removed', 'indicator/indicator_types[]'),
        inc('prohibited-field-removed', 'indicator/indicator_types[]'),
        inc('prohibited-field-removed', 'identity/contact_information'),
      ]);
    });

    it('never puts a property name of the submitter’s own into a dimension', () => {
      expect(removalDimension({ objectId: 'indicator--a', path: '/x_jane_doe_ssn_123456789' })).toBe('indicator/*');
      expect(removalDimension({ objectId: 'indicator--a', path: '/a~1b/2' })).toBe('indicator/*[]');
      expect(removalDimension({ objectId: 'not-an-id', path: '/name' })).toBe('*/name');
    });
  });

  describe('personal information removed', () => {
    it('counts an object with held fields once, by type and its fields by detector', () => {
      const held = given('FieldsHeld', {
        submissionId: SUBMISSION_ID,
        objectId: 'indicator--a',
        objectType: 'indicator',
        objectVersion: '2025-03-01T00:00:00.000Z',
        fields: [
          { path: 'description', detector: 'email', reason: 'r' },
          { path: 'name', detector: 'person-name', reason: 'r' },
          { path: 'external_references[0].description', detector: 'email', reason: 'r' },
        ],
        sealedValues: SEALED,
      });
      expect(countIncrements(held)).toEqual([
        inc('personal-information-removed', 'automated'),
        inc('personal-information-removed-by-type', 'indicator'),
        inc('personal-information-removed-by-detector', 'email', 2),
        inc('personal-information-removed-by-detector', 'person-name'),
      ]);
    });

    it('counts the fields withheld by screening from the screened submission, and nothing when none were', () => {
      const screened = (heldFieldCount: number) => given('SubmissionScreened', { ...pipeline, objects: [indicator()], failures: [], heldFieldCount });
      expect(countIncrements(screened(3))).toEqual([inc('personal-information-removed-fields', 'automated', 3)]);
      expect(countIncrements(screened(0))).toEqual([]);
    });

    it('counts an object and its fields removed after review when an analyst redacts or deletes, and nothing on release', () => {
      const decided = (outcomes: ('released-no-pii' | 'released-related' | 'redacted' | 'deleted')[]) =>
        given('ReviewDecided', {
          taskId: SUBMISSION_ID,
          submissionId: SUBMISSION_ID,
          objectId: 'indicator--0c9f6a2e-4b1d-4d3e-8f5a-7b6c5d4e3f2a',
          objectVersion: '2025-03-01T00:00:00.000Z',
          decidedBy: PRINCIPAL,
          decidedAt: '2025-03-01T12:00:00.000Z',
          fields: outcomes.map((outcome, i) => ({ path: `f${i}`, outcome })),
          restored: {},
        });
      expect(countIncrements(decided(['redacted', 'deleted', 'released-related']))).toEqual([
        inc('personal-information-removed', 'after-review'),
        inc('personal-information-removed-fields', 'after-review', 2),
      ]);
      expect(countIncrements(decided(['released-no-pii', 'released-related']))).toEqual([]);
    });

    it('counts a notice correction as an object with personal information removed after review: paths removed plus fields redacted', () => {
      const corrected = given('ReviewDecided', {
        taskId: SUBMISSION_ID,
        noticeId: SUBMISSION_ID,
        submissionId: SUBMISSION_ID,
        objectId: 'indicator--0c9f6a2e-4b1d-4d3e-8f5a-7b6c5d4e3f2a',
        objectVersion: '2025-03-01T00:00:00.000Z',
        decidedBy: PRINCIPAL,
        decidedAt: '2025-03-01T12:00:00.000Z',
        fields: [{ path: 'name', outcome: 'redacted' }],
        restored: { name: 'Phishing sender' },
        removed: ['description', 'external_references[0].description'],
      });
      expect(countIncrements(corrected)).toEqual([inc('personal-information-removed', 'after-review'), inc('personal-information-removed-fields', 'after-review', 3)]);
    });
  });

  describe('notices issued for a failure to remove personal information', () => {
    const filed = given('PiiNoticeFiled', {
      noticeId: SUBMISSION_ID,
      objectId: 'indicator--a',
      objectVersion: '2025-03-01T00:00:00.000Z',
      federalEntity: 'energy',
      filedBy: PRINCIPAL,
      paths: ['description'],
    });

    it('counts each notice filed, on the day it was filed', () => {
      expect(countIncrements(filed)).toEqual([inc('notices-issued', 'all')]);
      const nextDay = given('PiiNoticeFiled', { noticeId: SUBMISSION_ID, objectId: 'indicator--a', objectVersion: '2025-03-01T00:00:00.000Z', federalEntity: 'energy', filedBy: PRINCIPAL }, new Date('2025-03-02T00:00:00.000Z'));
      expect(countIncrements(nextDay)).toEqual([{ day: '2025-03-02', metric: 'notices-issued', dimension: 'all', value: 1 }]);
    });

    it('keeps a dismissed notice counted as issued: the dismissal adds and takes away nothing', () => {
      const dismissed = given('PiiNoticeDismissed', { noticeId: SUBMISSION_ID, objectId: 'indicator--a', dismissedBy: PRINCIPAL, dismissedAt: '2025-03-01T12:00:00.000Z' });
      expect(countIncrements(dismissed)).toEqual([]);
      expect(totalsOf([...countIncrements(filed), ...countIncrements(dismissed)])['notices-issued']).toEqual({ all: 1 });
    });
  });

  it('counts a published object version by its STIX type, whatever its held-field count', () => {
    const published = given('IndicatorPublished', {
      objectId: 'malware--1',
      version: '2025-02-03T10:00:00.000Z',
      object: { type: 'malware', id: 'malware--1' },
      submissionId: SUBMISSION_ID,
      sourceObjectId: 'malware--1',
      heldFieldCount: 2,
    });
    expect(countIncrements(published)).toEqual([inc('published', 'malware')]);
  });

  describe('federal entities shared with', () => {
    it('counts a read per entity and the object versions it returned', () => {
      const read = given('FederalObjectsRead', { principalId: PRINCIPAL, role: 'federal-consumer', federalEntity: 'energy', resource: 'objects', objectCount: 25, readAt: '2025-03-01T12:00:00.000Z' });
      expect(countIncrements(read)).toEqual([inc('federal-reads', 'energy'), inc('federal-objects-served', 'energy', 25)]);
    });

    it('counts an admin read under none, and an empty read as a read only', () => {
      const read = given('FederalObjectsRead', { principalId: PRINCIPAL, role: 'admin', resource: 'collections', objectCount: 0, readAt: '2025-03-01T12:00:00.000Z' });
      expect(countIncrements(read)).toEqual([inc('federal-reads', 'none')]);
    });
  });

  it('counts nothing for a person action: the usage log records it', () => {
    const requested = given('ContactRequested', { requestId: SUBMISSION_ID, objectId: 'indicator--a', federalEntity: 'energy', requestedBy: PRINCIPAL, requestedAt: '2025-03-01T12:00:00.000Z' });
    expect(countIncrements(requested)).toEqual([]);
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

describe('classificationOf', () => {
  it('gives the share of assessed objects with a valid marking, and the share valid as submitted', () => {
    expect(classificationOf({ valid: 6, 'valid-after-pruning': 2, missing: 1, conflict: 1 })).toEqual({
      valid: 6,
      validAfterPruning: 2,
      missing: 1,
      conflict: 1,
      assessed: 10,
      ratio: 0.8,
      ratioAsSubmitted: 0.6,
    });
  });

  it('has no ratio before any object was assessed', () => {
    expect(classificationOf({})).toMatchObject({ assessed: 0, ratio: null, ratioAsSubmitted: null });
  });
});
