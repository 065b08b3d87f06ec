import { applyChange, BASELINE_PROFILE, ProfileErrorCode, type AisProfile } from '@ais/ais-profile';
import type { SealedSubmission } from '@ais/contracts';
import { StixErrorCode } from '@ais/stix';
import { validateSubmission, ValidationErrorCode } from './validate-submission.decider';

const GREEN = 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da';
const RED = 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed';
const AT = '2026-11-01T00:00:00.000Z';

const submitter: SealedSubmission['submitter'] = {
  principalId: '0b6d3c1e-2a4f-4e8d-9c7b-5a3f1e2d4c60',
  organisation: 'ACME',
  profile: { sectors: ['energy'], city: 'Austin', state: 'TX', country: 'US' },
  defaultConsent: 'usg',
};

function indicator(n = 1, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${n}e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f`,
    created: AT,
    modified: AT,
    name: 'Scanning host',
    pattern: "[ipv4-addr:value = '198.51.100.1']",
    pattern_type: 'stix',
    valid_from: AT,
    indicator_types: ['malicious-activity'],
    object_marking_refs: [GREEN],
    ...extra,
  };
}

function given(objects: unknown[], who: SealedSubmission['submitter'] = submitter): SealedSubmission {
  return { objects: objects as SealedSubmission['objects'], submitter: who };
}

describe('validateSubmission', () => {
  it('passes valid, marked objects on with the registered sector, location and consent, and no removals', () => {
    expect(validateSubmission(given([indicator()]), BASELINE_PROFILE)).toEqual({
      kind: 'validated',
      objects: [indicator()],
      failures: [],
      removals: [],
      submitter: { sectors: ['energy'], city: 'Austin', state: 'TX', country: 'US' },
      consent: 'usg',
    });
  });

  it('removes fields outside the profile and values outside its vocabularies, recording each by path', () => {
    const decision = validateSubmission(given([indicator(1, { x_acme_ticket: 'INC-4711', lang: 'en', indicator_types: ['made-up', 'malicious-activity'] })]), BASELINE_PROFILE);
    expect(decision).toMatchObject({ kind: 'validated', objects: [indicator()] });
    expect(decision.kind === 'validated' && decision.removals).toEqual([
      { objectId: indicator().id, path: '/indicator_types/0', reason: ProfileErrorCode.ValueNotInVocabulary },
      { objectId: indicator().id, path: '/x_acme_ticket', reason: ProfileErrorCode.PropertyNotInProfile },
      { objectId: indicator().id, path: '/lang', reason: ProfileErrorCode.PropertyNotInProfile },
    ]);
  });

  it('fails invalid STIX, types outside the profile and unmarked objects one by one, and keeps the valid ones', () => {
    const decision = validateSubmission(
      given([
        indicator(1),
        { type: 'indicator', id: 'not-a-stix-id' },
        'text',
        { type: 'note', spec_version: '2.1', id: 'note--0b6d3c1e-2a4f-4e8d-9c7b-5a3f1e2d4c60', created: AT, modified: AT, content: 'x', object_refs: [indicator(1).id], object_marking_refs: [GREEN] },
        indicator(2, { object_marking_refs: [RED] }),
        indicator(1),
      ]),
      BASELINE_PROFILE,
    );
    expect(decision.kind).toBe('validated');
    expect(decision.kind === 'validated' && decision.failures.map((f) => [f.objectId, f.code])).toEqual([
      ['not-a-stix-id', StixErrorCode.RequiredPropertyMissing],
      [undefined, StixErrorCode.NotAnObject],
      [indicator(1).id, StixErrorCode.DuplicateObject],
      ['note--0b6d3c1e-2a4f-4e8d-9c7b-5a3f1e2d4c60', ProfileErrorCode.TypeNotInProfile],
      [indicator(2).id, ProfileErrorCode.TlpMarkingMissing],
    ]);
    expect(decision.kind === 'validated' && decision.objects.map((o) => o.id)).toEqual([indicator(1).id]);
  });

  it('fails an object that pruning leaves invalid, when a profile version no longer allows a required property', () => {
    const changed = applyChange(BASELINE_PROFILE, { kind: 'delete-vocabulary-value', vocabulary: 'pattern-type', value: 'stix' });
    const profile: AisProfile = changed.ok ? { ...changed.profile, version: 2 } : BASELINE_PROFILE;
    const decision = validateSubmission(given([indicator(1)]), profile);
    expect(decision).toMatchObject({ kind: 'rejected', reasons: [{ objectId: indicator(1).id, code: ValidationErrorCode.InvalidAfterPruning }] });
  });

  it('rejects a submission in which no object is left, with a reason per object', () => {
    const decision = validateSubmission(given([indicator(1, { object_marking_refs: undefined }), { type: 'X', id: 'x' }]), BASELINE_PROFILE);
    expect(decision).toEqual({
      kind: 'rejected',
      reasons: [
        expect.objectContaining({ objectId: 'x', code: StixErrorCode.UnknownType }),
        expect.objectContaining({ objectId: indicator(1).id, code: ProfileErrorCode.TlpMarkingMissing }),
      ],
    });
  });

  it('rejects a submission whose submitter has no sector or location, submission-wide reasons first', () => {
    const anonymous = { ...submitter, profile: { sectors: [], country: 'US' } };
    const decision = validateSubmission(given([indicator(1), { type: 'X', id: 'x' }], anonymous), BASELINE_PROFILE);
    expect(decision.kind === 'rejected' && decision.reasons.map((r) => r.code)).toEqual([
      ProfileErrorCode.SubmitterSectorMissing,
      ProfileErrorCode.SubmitterLocationMissing,
      StixErrorCode.UnknownType,
    ]);
  });

  it('takes sector, location and consent from the submitter identity the objects name as creator', () => {
    const identity = {
      type: 'identity',
      spec_version: '2.1',
      id: 'identity--6f4b7f9e-3a52-4c8e-9b1d-2f0c5e8a7d41',
      created: AT,
      modified: AT,
      name: 'ACME',
      identity_class: 'organization',
      sectors: ['financial-services'],
      labels: ['ais-consent-everyone'],
      object_marking_refs: [GREEN],
    };
    const location = { type: 'location', spec_version: '2.1', id: 'location--2a4f6e8d-0b6d-4c1e-9c7b-5a3f1e2d4c60', created: AT, modified: AT, country: 'US', administrative_area: 'US-VA', object_marking_refs: [GREEN] };
    const locatedAt = {
      type: 'relationship',
      spec_version: '2.1',
      id: 'relationship--3b5f7e9d-1c7e-4d2f-8c8b-6b4a2f3e5d70',
      created: AT,
      modified: AT,
      relationship_type: 'located-at',
      source_ref: identity.id,
      target_ref: location.id,
      object_marking_refs: [GREEN],
    };
    const webForm = { ...submitter, profile: { sectors: [], country: '' }, defaultConsent: 'none' as const };
    const decision = validateSubmission(given([identity, location, locatedAt, indicator(1, { created_by_ref: identity.id })], webForm), BASELINE_PROFILE);
    expect(decision).toMatchObject({ kind: 'validated', submitter: { sectors: ['financial-services'], country: 'US', state: 'US-VA' }, consent: 'everyone' });
  });

  it('rejects an empty submission', () => {
    expect(validateSubmission(given([]), BASELINE_PROFILE)).toMatchObject({ kind: 'rejected', reasons: [{ code: ValidationErrorCode.NoObjects }] });
  });

  it('never quotes a submitted value in a reason or a removal', () => {
    const decision = validateSubmission(
      given([{ type: 'indicator', id: 'indicator--jane.doe@example.com', name: 'Jane Doe' }, indicator(1, { x_contact: 'Jane Doe', indicator_types: ['jane-doe'] })]),
      BASELINE_PROFILE,
    );
    const said = decision.kind === 'rejected' ? decision.reasons.map((r) => r.message) : [...decision.failures.map((f) => f.message), ...decision.removals.map((r) => `${r.path} ${r.reason}`)];
    expect(JSON.stringify(said).toLowerCase()).not.toContain('jane');
  });
});
