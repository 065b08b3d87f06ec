import type { StixObject } from '@ais/contracts';
import type { KnownVersion } from '../revise/next-version';
import { corroborate, CORROBORATION_COUNT_PROPERTY, enrich, patternKeyOf, statedConfidence, submitterKeyOf } from './corroborate.decider';

const A = submitterKeyOf({ sectors: ['energy'], city: 'Austin', state: 'TX', country: 'US' });
const B = submitterKeyOf({ sectors: ['financial-services'], country: 'US' });
const C = submitterKeyOf({ sectors: ['energy'], city: 'Houston', state: 'TX', country: 'US' });
const D = submitterKeyOf({ sectors: ['water'], country: 'CA' });

const earliest: StixObject = {
  type: 'indicator',
  spec_version: '2.1',
  id: 'indicator--0c9f6a2e-4b1d-4d3e-8f5a-7b6c5d4e3f2a',
  created: '2026-11-01T00:00:00.000Z',
  modified: '2026-11-01T00:00:00.000Z',
  pattern: "[ipv4-addr:value = '198.51.100.7']",
  pattern_type: 'stix',
  valid_from: '2026-11-01T00:00:00Z',
};
const latest: KnownVersion = { version: '2026-11-01T00:00:00.000Z', object: earliest };

describe('corroborate', () => {
  it('counts distinct submitters and combines unrated reports as 50 each: 1 → 50, 2 → 75, 3 → 88, 4 → 94', () => {
    const reports = [A, B, C, D].map((submitterKey) => ({ submitterKey, confidence: null }));
    expect([1, 2, 3, 4].map((n) => corroborate(reports.slice(0, n)))).toEqual([
      { count: 1, confidence: 50 },
      { count: 2, confidence: 75 },
      { count: 3, confidence: 88 },
      { count: 4, confidence: 94 },
    ]);
  });

  it('counts two indicators of one submitter once, with the higher confidence they state', () => {
    expect(corroborate([{ submitterKey: A, confidence: 20 }, { submitterKey: A, confidence: 60 }, { submitterKey: B, confidence: 50 }])).toEqual({ count: 2, confidence: 80 });
  });

  it('uses stated confidences and stays within 0..100', () => {
    expect(corroborate([{ submitterKey: A, confidence: 100 }, { submitterKey: B, confidence: 0 }])).toEqual({ count: 2, confidence: 100 });
    expect(corroborate([{ submitterKey: A, confidence: 0 }, { submitterKey: B, confidence: 0 }])).toEqual({ count: 2, confidence: 0 });
  });
});

describe('enrich', () => {
  it('given a second submission reporting the indicator, when enriched, then a new version of the earliest with count 2 and confidence 75', () => {
    const outcome = enrich(latest, [{ submitterKey: A, confidence: null }, { submitterKey: B, confidence: null }], 1, '2026-11-02T00:00:00.000Z');
    expect(outcome).toEqual({
      kind: 'publish',
      version: '2026-11-02T00:00:00.000Z',
      corroboration: { count: 2, confidence: 75 },
      object: { ...earliest, modified: '2026-11-02T00:00:00.000Z', [CORROBORATION_COUNT_PROPERTY]: 2, confidence: 75 },
    });
  });

  it('given only one submission, then nothing', () => {
    expect(enrich(latest, [{ submitterKey: A, confidence: null }], 1, '2026-11-02T00:00:00.000Z')).toEqual({ kind: 'nothing' });
  });

  it('given no more submissions than the last enriched version counted, then nothing (a redelivery changes nothing)', () => {
    expect(enrich(latest, [{ submitterKey: A, confidence: null }, { submitterKey: B, confidence: null }], 2, '2026-11-02T00:00:00.000Z')).toEqual({ kind: 'nothing' });
  });

  it('builds on the latest version, and goes past it when the report is older', () => {
    const released: KnownVersion = { version: '2026-11-03T00:00:00.000Z', object: { ...earliest, modified: '2026-11-03T00:00:00.000Z', description: 'released' } };
    expect(enrich(released, [{ submitterKey: A, confidence: null }, { submitterKey: B, confidence: null }], 1, '2026-11-02T00:00:00.000Z')).toMatchObject({
      kind: 'publish',
      version: '2026-11-03T00:00:00.001Z',
      object: { description: 'released', modified: '2026-11-03T00:00:00.001Z' },
    });
  });
});

describe('patternKeyOf', () => {
  it('gives the same key to the same indicator written two ways, and another to another indicator', () => {
    const reordered = { ...earliest, pattern: "[ ipv4-addr:value='198.51.100.7' ]" };
    expect(patternKeyOf(earliest)).toMatch(/^[0-9a-f]{64}$/);
    expect(patternKeyOf(reordered)).toBe(patternKeyOf(earliest));
    expect(patternKeyOf({ ...earliest, pattern: "[ipv4-addr:value = '198.51.100.8']" })).not.toBe(patternKeyOf(earliest));
  });

  it('has no key for other objects, other pattern languages or unparsable patterns', () => {
    expect(patternKeyOf({ type: 'malware', id: 'malware--1' })).toBeNull();
    expect(patternKeyOf({ ...earliest, pattern_type: 'snort', pattern: 'alert tcp any any -> any 80' })).toBeNull();
    expect(patternKeyOf({ ...earliest, pattern: '[oops' })).toBeNull();
  });
});

describe('submitterKeyOf', () => {
  it('is the same for the same sector(s) and location however written, and differs otherwise', () => {
    expect(submitterKeyOf({ sectors: ['Energy', 'water'], city: 'Austin ', state: 'TX', country: 'US' })).toBe(submitterKeyOf({ sectors: ['water', 'energy'], city: 'austin', state: 'tx', country: 'us' }));
    expect(A).not.toBe(C);
    expect(submitterKeyOf({ sectors: ['energy'], country: 'US' })).not.toBe(submitterKeyOf({ sectors: ['energy'], state: 'TX', country: 'US' }));
  });
});

describe('statedConfidence', () => {
  it('takes an integer 0..100 and nothing else', () => {
    expect(statedConfidence({ ...earliest, confidence: 85 })).toBe(85);
    expect([101, -1, 50.5, '50', undefined].map((confidence) => statedConfidence({ ...earliest, confidence }))).toEqual([null, null, null, null, null]);
  });
});
