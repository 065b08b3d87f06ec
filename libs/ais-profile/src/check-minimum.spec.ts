import { BASELINE_PROFILE } from './baseline-profile';
import { checkMinimum, type SubmitterRegistration } from './check-minimum';
import { ProfileErrorCode } from './error-codes';
import type { ProfileObject } from './prune-to-profile';

const WHITE = 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9';
const GREEN = 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da';
const IDENTITY = 'identity--6f4b7f9e-3a52-4c8e-9b1d-2f0c5e8a7d41';
const LOCATION = 'location--2a4f6e8d-0b6d-4c1e-9c7b-5a3f1e2d4c60';

const registered: SubmitterRegistration = { sectors: ['energy'], city: 'Austin', state: 'TX', country: 'US', defaultConsent: 'usg' };
const unregistered: SubmitterRegistration = { sectors: [] };

function object(type: string, n: number, extra: Record<string, unknown> = {}): ProfileObject {
  return { type, spec_version: '2.1', id: `${type}--0000000${n}-2a4f-4e8d-9c7b-5a3f1e2d4c60`, object_marking_refs: [GREEN], ...extra };
}
const identity = (extra: Record<string, unknown> = {}) => ({ ...object('identity', 9), id: IDENTITY, name: 'ACME', ...extra });
const location = { ...object('location', 8), id: LOCATION, country: 'us', administrative_area: 'US-TX', city: 'Austin' };
const locatedAt = object('relationship', 7, { relationship_type: 'located-at', source_ref: IDENTITY, target_ref: LOCATION });

describe('checkMinimum', () => {
  it('is met by TLP-marked objects of a registered participant, with the registered sector, location and default consent', () => {
    const result = checkMinimum([object('indicator', 1)], registered, BASELINE_PROFILE);
    expect(result).toMatchObject({
      failures: [],
      problems: [],
      submitter: { sectors: ['energy'], city: 'Austin', state: 'TX', country: 'US' },
      consent: 'usg',
      consentSource: 'registration',
    });
    expect(result.objects).toHaveLength(1);
  });

  it('fails each object without exactly one TLP marking, and exempts marking definitions', () => {
    const result = checkMinimum(
      [
        object('indicator', 1, { object_marking_refs: undefined }),
        object('indicator', 2, { object_marking_refs: [GREEN, WHITE] }),
        object('indicator', 3, { object_marking_refs: [GREEN, GREEN] }),
        object('marking-definition', 4, { object_marking_refs: undefined }),
      ],
      registered,
      BASELINE_PROFILE,
    );
    expect(result.failures.map((f) => f.code)).toEqual([ProfileErrorCode.TlpMarkingMissing, ProfileErrorCode.TlpMarkingConflict]);
    expect(result.objects.map((o) => o.type)).toEqual(['indicator', 'marking-definition']);
  });

  it('translates registered CISA sector names to their STIX industry-sector values', () => {
    const result = checkMinimum([object('indicator', 1)], { ...registered, sectors: ['information-technology', 'water-and-wastewater-systems', 'energy', 'other'] }, BASELINE_PROFILE);
    expect(result.submitter?.sectors).toEqual(['technology', 'infrastructure-water', 'energy', 'other']);
  });

  it('takes sector and location from the submitter identity when the registration has none', () => {
    const result = checkMinimum(
      [identity({ sectors: ['financial-services'] }), location, locatedAt, object('indicator', 1, { created_by_ref: IDENTITY })],
      unregistered,
      BASELINE_PROFILE,
    );
    expect(result.problems).toEqual([]);
    expect(result.submitter).toEqual({ sectors: ['financial-services'], country: 'US', state: 'US-TX', city: 'Austin' });
    expect(result.submitterIdentityId).toBe(IDENTITY);
  });

  it('does not meet the minimum without a sector or a location, naming both, and never a value', () => {
    const result = checkMinimum([object('indicator', 1)], { sectors: ['not-a-sector'], country: 'US', city: 'x'.repeat(201) }, BASELINE_PROFILE);
    expect(result.problems.map((p) => p.code)).toEqual([ProfileErrorCode.SubmitterSectorMissing, ProfileErrorCode.SubmitterLocationMissing]);
    expect(result.submitter).toBeNull();
    expect(JSON.stringify(result.problems)).not.toContain('not-a-sector');
  });

  it('reads consent from an ais-consent label on the submitter identity, the most restrictive of several', () => {
    const labelled = checkMinimum([identity({ labels: ['ais-consent-everyone'] })], registered, BASELINE_PROFILE);
    expect(labelled).toMatchObject({ consent: 'everyone', consentSource: 'identity-label' });
    const two = checkMinimum([identity({ labels: ['ais-consent-everyone', 'ais-consent-none'] })], registered, BASELINE_PROFILE);
    expect(two).toMatchObject({ consent: 'none', consentSource: 'identity-label' });
  });

  it('falls back to none when neither a label nor a registered default gives consent', () => {
    const result = checkMinimum([object('indicator', 1)], { ...registered, defaultConsent: undefined }, BASELINE_PROFILE);
    expect(result).toMatchObject({ consent: 'none', consentSource: 'default' });
  });

  it('takes as submitter the identity most objects name as their creator', () => {
    const other = { ...identity({ labels: ['ais-consent-everyone'] }), id: 'identity--1f4b7f9e-3a52-4c8e-9b1d-2f0c5e8a7d41' };
    const result = checkMinimum(
      [other, identity({ labels: ['ais-consent-usg'] }), object('indicator', 1, { created_by_ref: IDENTITY }), object('indicator', 2, { created_by_ref: IDENTITY }), object('malware', 3, { created_by_ref: other.id })],
      registered,
      BASELINE_PROFILE,
    );
    expect(result).toMatchObject({ submitterIdentityId: IDENTITY, consent: 'usg' });
  });
});
