import type { StixObject, SubmissionScreenedV1 } from '@ais/contracts';
import { conclusionOf, publishIndicators, versionOf } from './publish-indicators.decider';

const SUBMISSION_ID = '6f1d3c2a-8b4e-4f5a-9c7d-1e2f3a4b5c6d';
const SCREENED_AT = '2025-03-01T12:00:00.123Z';

const indicator: StixObject = {
  type: 'indicator',
  spec_version: '2.1',
  id: 'indicator--0c9f6a2e-4b1d-4d3e-8f5a-7b6c5d4e3f2a',
  created: '2025-02-01T10:00:00.000Z',
  modified: '2025-02-03T10:00:00.000Z',
  pattern: "[ipv4-addr:value = '198.51.100.7']",
  pattern_type: 'stix',
  valid_from: '2025-02-01T10:00:00Z',
};

function screened(objects: StixObject[], heldFieldCount = 0): SubmissionScreenedV1 {
  return {
    submissionId: SUBMISSION_ID,
    profileVersion: '0.1.0',
    objects,
    submitter: { sectors: ['energy'], country: 'US' },
    consent: 'none',
    failures: [],
    heldFieldCount,
  };
}

describe('publishIndicators', () => {
  it('given a screened submission with one indicator, when published, then one version keyed by its STIX id comes out', () => {
    const published = publishIndicators(screened([indicator]), SCREENED_AT);

    expect(published).toEqual([
      {
        objectId: indicator.id,
        version: '2025-02-03T10:00:00.000Z',
        object: indicator,
        submissionId: SUBMISSION_ID,
        sourceObjectId: indicator.id,
        heldFieldCount: 0,
      },
    ]);
  });

  it('given several objects, when published, then each object becomes its own version, in submission order', () => {
    const second: StixObject = { ...indicator, id: 'indicator--1d0a7b3f-5c2e-4e4f-9a6b-8c7d6e5f4a3b' };
    const identity: StixObject = { type: 'identity', id: 'identity--2e1b8c4a-6d3f-4a5b-8b7c-9d8e7f6a5b4c', spec_version: '2.1', created: '2025-01-01T00:00:00Z', modified: '2025-01-01T00:00:00Z', name: 'Sector: energy' };

    const published = publishIndicators(screened([indicator, second, identity]), SCREENED_AT);

    expect(published.map((p) => [p.objectId, p.version])).toEqual([
      [indicator.id, '2025-02-03T10:00:00.000Z'],
      [second.id, '2025-02-03T10:00:00.000Z'],
      [identity.id, '2025-01-01T00:00:00Z'],
    ]);
  });

  it('given held fields in a one-object submission, when published, then the object carries the held field count', () => {
    const [published] = publishIndicators(screened([indicator], 2), SCREENED_AT);

    expect(published?.heldFieldCount).toBe(2);
  });

  it('given held fields in a multi-object submission, when published, then no object can claim them and each gets 0', () => {
    const second: StixObject = { ...indicator, id: 'indicator--1d0a7b3f-5c2e-4e4f-9a6b-8c7d6e5f4a3b' };

    const published = publishIndicators(screened([indicator, second], 3), SCREENED_AT);

    expect(published.map((p) => p.heldFieldCount)).toEqual([0, 0]);
  });

  it('given a submission with no objects left, when published, then nothing comes out', () => {
    expect(publishIndicators(screened([]), SCREENED_AT)).toEqual([]);
  });
});

describe('conclusionOf', () => {
  it('given published versions, then names each object with the id it was published under and the id it was submitted with', () => {
    const renamed: StixObject = { type: 'email-addr', spec_version: '2.1', id: 'email-addr--5b3c9d1e-7f2a-4b6c-8d9e-0f1a2b3c4d5e', value: 'sender@example.net' };
    const withRename = { ...screened([indicator, renamed]), renamedFrom: { [renamed.id]: 'email-addr--00000000-0000-4000-8000-000000000001' } };

    expect(conclusionOf(withRename, publishIndicators(withRename, SCREENED_AT))).toEqual({
      submissionId: SUBMISSION_ID,
      published: [
        { objectId: indicator.id, sourceObjectId: indicator.id, version: '2025-02-03T10:00:00.000Z' },
        { objectId: renamed.id, sourceObjectId: 'email-addr--00000000-0000-4000-8000-000000000001', version: SCREENED_AT },
      ],
      failures: [],
      replaced: [],
    });
  });

  it('given objects that failed or were replaced on the way, then passes them on, also when nothing is published', () => {
    const failure = { objectId: indicator.id, code: 'AIS_SCREENING_NUISANCE_INDICATOR', message: 'dropped as a nuisance indicator: private range' };
    const replacement = { objectId: 'identity--2e1b8c4a-6d3f-4a5b-8b7c-9d8e7f6a5b4c', code: 'AIS_ANONYMIZED_SUBMITTER_IDENTITY', message: 'replaced' };
    const nothingLeft = { ...screened([]), failures: [failure], replaced: [replacement] };

    expect(conclusionOf(nothingLeft, publishIndicators(nothingLeft, SCREENED_AT))).toEqual({ submissionId: SUBMISSION_ID, published: [], failures: [failure], replaced: [replacement] });
  });
});

describe('versionOf', () => {
  it('takes modified first', () => {
    expect(versionOf(indicator, SCREENED_AT)).toBe('2025-02-03T10:00:00.000Z');
  });

  it('falls back to created when there is no modified', () => {
    const { modified: _modified, ...unmodified } = indicator;
    expect(versionOf(unmodified as StixObject, SCREENED_AT)).toBe('2025-02-01T10:00:00.000Z');
  });

  it('falls back to the screening time for objects with neither (cyber observables)', () => {
    const observable: StixObject = { type: 'ipv4-addr', id: 'ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd', value: '198.51.100.7' };
    expect(versionOf(observable, SCREENED_AT)).toBe(SCREENED_AT);
  });

  it('keeps the timestamp exactly as given (precision included)', () => {
    expect(versionOf({ ...indicator, modified: '2025-02-03T10:00:00.123456789Z' }, SCREENED_AT)).toBe('2025-02-03T10:00:00.123456789Z');
  });

  it('ignores a modified that is not a STIX timestamp and uses created', () => {
    expect(versionOf({ ...indicator, modified: '2025-02-03 10:00' }, SCREENED_AT)).toBe('2025-02-01T10:00:00.000Z');
    expect(versionOf({ ...indicator, modified: 42 }, SCREENED_AT)).toBe('2025-02-01T10:00:00.000Z');
  });
});
