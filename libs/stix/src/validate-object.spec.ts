import { StixErrorCode } from './error-codes';
import { TLP_MARKING_IDS } from './rules/reference-specs';
import { FULL_REPORT_MAX_VALUES } from './schema-check';
import { validateStixObject, validateStixObjects } from './validate-object';
import { MAX_ERRORS_PER_OBJECT } from './validation-result';

const INDICATOR = {
  type: 'indicator',
  spec_version: '2.1',
  id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
  created: '2025-03-01T12:00:00.000Z',
  modified: '2025-03-01T12:00:00.000Z',
  created_by_ref: 'identity--0f2b8c4e-9d3a-4e51-8c7b-2a6d1e9f3b40',
  name: 'C2 server address',
  indicator_types: ['malicious-activity'],
  pattern: "[ipv4-addr:value = '198.51.100.23']",
  pattern_type: 'stix',
  valid_from: '2025-03-01T12:00:00Z',
  object_marking_refs: [TLP_MARKING_IDS.green],
};

const codes = (object: unknown): string[] => validateStixObject(object).errors.map((error) => error.code);

describe('validateStixObject', () => {
  it('accepts a valid indicator', () => {
    expect(validateStixObject(INDICATOR)).toEqual({ valid: true, errors: [] });
  });

  it('reports schema errors and MUST-rule errors of one object together', () => {
    const result = validateStixObject({ ...INDICATOR, confidence: 101, modified: '2025-02-01T00:00:00Z', pattern: "[ipv4-addr:value = '198.51.100.23'" });
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      { code: StixErrorCode.NumberOutOfRange, path: '/confidence', message: 'must be <= 100' },
      { code: StixErrorCode.ModifiedBeforeCreated, path: '/modified', message: expect.any(String) as unknown },
      { code: StixErrorCode.PatternUnbalanced, path: '/pattern', message: expect.stringContaining('at offset 0') as unknown },
    ]);
  });

  it('parses only stix patterns; other pattern languages are opaque', () => {
    expect(codes({ ...INDICATOR, pattern_type: 'pcre', pattern: '[unbalanced(' })).toEqual([]);
    expect(codes({ ...INDICATOR, pattern: '[unbalanced(' })).toEqual([StixErrorCode.PatternBadObjectPath]);
  });

  it('resolves references within the bundle when given its ids', () => {
    const relationship = {
      type: 'relationship',
      spec_version: '2.1',
      id: 'relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad',
      created: '2025-03-01T12:00:00Z',
      modified: '2025-03-01T12:00:00Z',
      relationship_type: 'indicates',
      source_ref: INDICATOR.id,
      target_ref: 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b',
    };
    expect(validateStixObject(relationship).valid).toBe(true);
    expect(validateStixObject(relationship, { bundleIds: new Set([INDICATOR.id, relationship.target_ref]) }).valid).toBe(true);
    expect(validateStixObject(relationship, { bundleIds: new Set([INDICATOR.id]) }).errors).toEqual([
      { code: StixErrorCode.UnresolvedReference, path: '/target_ref', message: 'target_ref must reference an object of the same bundle' },
    ]);
  });

  it(`stops at ${MAX_ERRORS_PER_OBJECT} errors and stays fast on a hostile object`, () => {
    const hostile = { ...INDICATOR, object_marking_refs: Array.from({ length: 200_000 }, () => 'identity--0f2b8c4e-9d3a-4e51-8c7b-2a6d1e9f3b40') };
    const started = performance.now();
    const result = validateStixObject(hostile);
    expect(performance.now() - started).toBeLessThan(500);
    expect(result.errors).toHaveLength(MAX_ERRORS_PER_OBJECT);
  });

  it(`reports only the first schema error of an object holding more than ${FULL_REPORT_MAX_VALUES} values`, () => {
    const small = validateStixObject({ ...INDICATOR, labels: [1, 2, 3] });
    const large = validateStixObject({ ...INDICATOR, labels: Array.from({ length: FULL_REPORT_MAX_VALUES + 1 }, () => 1) });
    expect(small.errors).toHaveLength(3);
    expect(large.errors).toEqual([{ code: StixErrorCode.PropertyTypeMismatch, path: '/labels/0', message: 'must be of JSON type string' }]);
  });

  it('never shows a key chosen by the submitter in a path or message', () => {
    const secret = 'jane_doe_555_0100';
    const result = validateStixObject({
      type: 'file',
      id: 'file--5e2a3b1c-9d8e-4f70-8a6b-3c2d1e0f9a8b',
      name: 'a.exe',
      hashes: { [`${secret}-hash`]: 7, [`${secret} bad key`]: 'x' },
      [`x_${secret}_ref`]: 'not an identifier',
      [`X_${secret}`]: 1,
    });
    expect(result.errors.map((error) => [error.code, error.path])).toEqual([
      [StixErrorCode.InvalidPropertyName, ''],
      [StixErrorCode.InvalidPropertyName, '/hashes'],
      [StixErrorCode.PropertyTypeMismatch, '/hashes/*'],
      [StixErrorCode.InvalidIdentifier, '/*'],
    ]);
    expect(JSON.stringify(result)).not.toContain('jane');
  });

  it('checks a custom x- object against the common properties only', () => {
    expect(codes({ type: 'x-acme-ticket', id: 'x-acme-ticket--5e2a3b1c-9d8e-4f70-8a6b-3c2d1e0f9a8b', anything: { goes: true } })).toEqual([]);
    expect(codes({ type: 'x-acme-ticket', id: 'x-acme-ticket--5e2a3b1c-9d8e-4f70-8a6b-3c2d1e0f9a8b', created: 'yesterday', confidence: 500 })).toEqual([
      StixErrorCode.InvalidTimestamp,
      StixErrorCode.NumberOutOfRange,
    ]);
  });
});

describe('validateStixObjects', () => {
  it('returns one result per object, in order, with the cross-object checks added', () => {
    const results = validateStixObjects([INDICATOR, 'not an object', { ...INDICATOR }]);
    expect(results.map((result) => result.errors.map((error) => error.code))).toEqual([[], [StixErrorCode.NotAnObject], [StixErrorCode.DuplicateObject]]);
  });

  it('requires references to resolve within the batch only when asked', () => {
    const sighting = {
      type: 'sighting',
      spec_version: '2.1',
      id: 'sighting--ee20065d-2555-424f-ad9e-0f8428623c75',
      created: '2025-03-01T12:00:00Z',
      modified: '2025-03-01T12:00:00Z',
      sighting_of_ref: INDICATOR.id,
    };
    expect(validateStixObjects([sighting]).every((result) => result.valid)).toBe(true);
    expect(validateStixObjects([sighting], { enforceReferences: true })[0]?.errors.map((error) => error.code)).toEqual([StixErrorCode.UnresolvedReference]);
    expect(validateStixObjects([sighting, INDICATOR], { enforceReferences: true }).every((result) => result.valid)).toBe(true);
  });
});
