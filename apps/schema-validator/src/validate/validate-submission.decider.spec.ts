import type { SealedSubmission } from '@ais/contracts';
import { validateSubmission, ValidationErrorCode } from './validate-submission.decider';

const submitter: SealedSubmission['submitter'] = {
  principalId: '0b6d3c1e-2a4f-4e8d-9c7b-5a3f1e2d4c60',
  organisation: 'ACME',
  profile: { sectors: ['energy'], city: 'Austin', state: 'TX', country: 'US' },
  defaultConsent: 'usg',
};
const indicator = { type: 'indicator', spec_version: '2.1', id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', modified: '2026-11-01T00:00:00.000Z' };

function given(objects: unknown[]): SealedSubmission {
  return { objects: objects as SealedSubmission['objects'], submitter };
}

describe('validateSubmission', () => {
  it('passes valid objects on with the submitter profile and registered consent', () => {
    const decision = validateSubmission(given([indicator]));
    expect(decision).toEqual({ kind: 'validated', objects: [indicator], failures: [], submitter: submitter.profile, consent: 'usg' });
  });

  it('fails invalid objects one by one and keeps the valid ones', () => {
    const decision = validateSubmission(given([indicator, { type: 'malware', id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f' }, 'text', { ...indicator, spec_version: '2.0', id: 'indicator--1e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f' }]));
    expect(decision.kind).toBe('validated');
    expect(decision.kind === 'validated' && decision.failures.map((f) => f.code)).toEqual([
      ValidationErrorCode.BadId,
      ValidationErrorCode.NotAnObject,
      ValidationErrorCode.BadSpecVersion,
    ]);
  });

  it('rejects a submission in which no object is valid, with a reason per object', () => {
    const decision = validateSubmission(given([{ type: 'X', id: 'x' }, { id: 'no-type' }]));
    expect(decision).toEqual({
      kind: 'rejected',
      reasons: [
        expect.objectContaining({ objectId: 'x', code: ValidationErrorCode.BadType }),
        expect.objectContaining({ objectId: 'no-type', code: ValidationErrorCode.BadType }),
      ],
    });
  });

  it('rejects an empty submission and the second copy of a duplicated object version', () => {
    expect(validateSubmission(given([]))).toMatchObject({ kind: 'rejected', reasons: [{ code: ValidationErrorCode.NoObjects }] });
    expect(validateSubmission(given([indicator, indicator]))).toMatchObject({ kind: 'validated', failures: [{ code: ValidationErrorCode.DuplicateObject }] });
  });

  it('never quotes a submitted value in a reason', () => {
    const decision = validateSubmission(given([{ type: 'indicator', id: 'indicator--jane.doe@example.com', name: 'Jane Doe' }]));
    expect(JSON.stringify(decision.kind === 'rejected' ? decision.reasons.map((r) => r.message) : [])).not.toContain('jane');
  });
});
