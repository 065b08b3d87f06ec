import type { ReviewDecidedV1, StixObject } from '@ais/contracts';
import type { KnownVersion } from '../revise/next-version';
import { reviseAfterReview, ReviewRevisionErrorCode } from './revise-after-review.decider';

const ID = 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f';
const FIRST = '2026-11-01T00:00:00.000Z';

const published: StixObject = {
  type: 'indicator',
  spec_version: '2.1',
  id: ID,
  created: FIRST,
  modified: FIRST,
  pattern: "[email-addr:value = 'billing@evil-invoices.biz']",
  pattern_type: 'stix',
  valid_from: '2026-11-01T00:00:00Z',
};
const latest: KnownVersion = { version: FIRST, object: published };

function decision(overrides: Partial<ReviewDecidedV1> = {}): ReviewDecidedV1 {
  return {
    taskId: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d',
    submissionId: '3f2c1a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60',
    objectId: ID,
    objectVersion: FIRST,
    decidedBy: '0b6d3c1e-2a4f-4e8d-9c7b-5a3f1e2d4c60',
    decidedAt: '2026-11-02T09:00:00.000Z',
    fields: [{ path: 'description', outcome: 'released-no-pii' }],
    restored: { description: 'Phishing wave against the finance team.' },
    ...overrides,
  };
}

describe('reviseAfterReview', () => {
  it('given a released field, when decided, then a new version with the field, the same id and modified = the decision time', () => {
    expect(reviseAfterReview(decision(), latest)).toEqual({
      kind: 'publish',
      version: '2026-11-02T09:00:00.000Z',
      object: { ...published, description: 'Phishing wave against the finance team.', modified: '2026-11-02T09:00:00.000Z' },
    });
  });

  it('given a redacted field, when decided, then the new version carries the redacted text', () => {
    const redacted = decision({ fields: [{ path: 'description', outcome: 'redacted' }], restored: { description: 'Sent to [redacted] in finance.' } });
    const revision = reviseAfterReview(redacted, latest);
    expect(revision).toMatchObject({ kind: 'publish', object: { description: 'Sent to [redacted] in finance.' } });
  });

  it('given every field deleted, when decided, then nothing is published (the published version already lacks them)', () => {
    const deleted = decision({ fields: [{ path: 'description', outcome: 'deleted' }], restored: {} });
    expect(reviseAfterReview(deleted, latest)).toEqual({ kind: 'nothing', reason: 'nothing-restored' });
  });

  it('given some fields deleted and some released, then only the released ones come back', () => {
    const mixed = decision({
      fields: [
        { path: 'description', outcome: 'deleted' },
        { path: 'name', outcome: 'released-related' },
      ],
      restored: { name: 'Invoice phish' },
    });
    const revision = reviseAfterReview(mixed, latest);
    expect(revision.kind === 'publish' && revision.object).toEqual({ ...published, name: 'Invoice phish', modified: '2026-11-02T09:00:00.000Z' });
  });

  it('given a decision time not later than the latest version, then the version is one millisecond after it', () => {
    const later: KnownVersion = { version: '2026-11-03T00:00:00.000Z', object: { ...published, modified: '2026-11-03T00:00:00.000Z' } };
    expect(reviseAfterReview(decision(), later)).toMatchObject({ kind: 'publish', version: '2026-11-03T00:00:00.001Z', object: { modified: '2026-11-03T00:00:00.001Z' } });
  });

  it('given a later version with a corroboration count, when a decision applies, then the count stays', () => {
    const enriched: KnownVersion = { version: '2026-11-01T12:00:00.000Z', object: { ...published, modified: '2026-11-01T12:00:00.000Z', x_ais_corroboration_count: 2, confidence: 75 } };
    expect(reviseAfterReview(decision(), enriched)).toMatchObject({ kind: 'publish', object: { x_ais_corroboration_count: 2, confidence: 75, description: 'Phishing wave against the finance team.' } });
  });

  it('given a notice outcome that removes a field, then the new version lacks it', () => {
    const withDescription: KnownVersion = { version: FIRST, object: { ...published, description: 'Call Jane on 555-0100' } };
    const notice = decision({ fields: [], restored: {}, removed: ['description'] });
    expect(reviseAfterReview(notice, withDescription)).toEqual({ kind: 'publish', version: '2026-11-02T09:00:00.000Z', object: { ...published, modified: '2026-11-02T09:00:00.000Z' } });
  });

  it('given a decision that changes nothing (the value is already there), then nothing is published', () => {
    const already: KnownVersion = { version: FIRST, object: { ...published, description: 'Phishing wave against the finance team.' } };
    expect(reviseAfterReview(decision(), already)).toEqual({ kind: 'nothing', reason: 'unchanged' });
  });

  it('given a bad path, then the decision is refused with a code', () => {
    expect(reviseAfterReview(decision({ restored: { 'a..b': 'x' } }), latest)).toMatchObject({ kind: 'invalid', code: ReviewRevisionErrorCode.BadFieldPath });
    expect(reviseAfterReview(decision({ restored: {}, removed: ['id'] }), latest)).toMatchObject({ kind: 'invalid', code: ReviewRevisionErrorCode.BadFieldPath });
  });

  it('given an SCO, then the new version has no modified and its version is the decision time', () => {
    const sco: KnownVersion = { version: '2026-11-01T00:00:01.000Z', object: { type: 'email-addr', spec_version: '2.1', id: 'email-addr--1', value: 'billing@evil-invoices.biz' } };
    expect(reviseAfterReview(decision({ objectId: 'email-addr--1', restored: { display_name: 'Billing' } }), sco)).toEqual({
      kind: 'publish',
      version: '2026-11-02T09:00:00.000Z',
      object: { ...sco.object, display_name: 'Billing' },
    });
  });
});
