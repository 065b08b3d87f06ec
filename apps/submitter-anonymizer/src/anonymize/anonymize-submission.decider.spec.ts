import type { StixObject } from '@ais/contracts';
import { anonymizeSubmission, type AnonymizeInput } from './anonymize-submission.decider';

const now = new Date('2026-11-29T10:00:00.000Z');
const fresh = {
  identity: 'identity--11111111-1111-4111-8111-111111111111',
  location: 'location--22222222-2222-4222-8222-222222222222',
  locatedAt: 'relationship--33333333-3333-4333-8333-333333333333',
};
const realIdentity: StixObject = {
  type: 'identity',
  spec_version: '2.1',
  id: 'identity--aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  created: '2026-11-01T00:00:00.000Z',
  modified: '2026-11-01T00:00:00.000Z',
  name: 'ACME Energy Corp',
  identity_class: 'organization',
  contact_information: 'soc@acme.example, +1 512 555 0100',
};
const indicator: StixObject = {
  type: 'indicator',
  spec_version: '2.1',
  id: 'indicator--bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
  created: '2026-11-01T00:00:00.000Z',
  modified: '2026-11-01T00:00:00.000Z',
  created_by_ref: realIdentity.id,
  pattern: "[ipv4-addr:value = '198.51.100.7']",
  pattern_type: 'stix',
  valid_from: '2026-11-01T00:00:00Z',
};
const sighting: StixObject = {
  type: 'sighting',
  spec_version: '2.1',
  id: 'sighting--cccccccc-cccc-4ccc-8ccc-cccccccccccc',
  created: '2026-11-01T00:00:00.000Z',
  modified: '2026-11-01T00:00:00.000Z',
  created_by_ref: realIdentity.id,
  sighting_of_ref: indicator.id,
  where_sighted_refs: [realIdentity.id],
};
const ip: StixObject = { type: 'ipv4-addr', spec_version: '2.1', id: 'ipv4-addr--dddddddd-dddd-5ddd-8ddd-dddddddddddd', value: '198.51.100.7' };

function given(overrides: Partial<AnonymizeInput>): AnonymizeInput {
  return {
    objects: [realIdentity, indicator, sighting, ip],
    consent: 'none',
    submitter: { sectors: ['energy'], city: 'Austin', state: 'TX', country: 'US' },
    organisation: 'ACME Energy Corp',
    fresh,
    now,
    ...overrides,
  };
}

describe('anonymizeSubmission', () => {
  it('without consent replaces the submitter identity and re-points every reference to it', () => {
    const result = anonymizeSubmission(given({}));
    const text = JSON.stringify(result.objects);
    expect(text).not.toContain(realIdentity.id);
    expect(text).not.toContain('ACME');
    expect(text).not.toContain('soc@acme.example');
    expect(result.creatorId).toBe(fresh.identity);
    expect(result.replacedIdentityIds).toEqual([realIdentity.id]);
    const byId = new Map(result.objects.map((o) => [o.id, o]));
    expect(byId.get(indicator.id)?.created_by_ref).toBe(fresh.identity);
    expect(byId.get(sighting.id)?.where_sighted_refs).toEqual([fresh.identity]);
    expect(byId.get(fresh.identity)).toMatchObject({ type: 'identity', name: 'Anonymous AIS participant', sectors: ['energy'] });
    expect(byId.get(fresh.location)).toMatchObject({ type: 'location', city: 'Austin', administrative_area: 'TX', country: 'US' });
    expect(byId.get(fresh.locatedAt)).toMatchObject({ relationship_type: 'located-at', source_ref: fresh.identity, target_ref: fresh.location });
    expect(byId.get(ip.id)).toEqual(ip);
  });

  it('without consent also re-points a creator whose identity object the submission does not carry', () => {
    const result = anonymizeSubmission(given({ objects: [indicator] }));
    expect(JSON.stringify(result.objects)).not.toContain(realIdentity.id);
    expect(result.replacedIdentityIds).toEqual([realIdentity.id]);
  });

  it('names the fresh identity as creator of objects that named none, and of nothing that has no created', () => {
    const { created_by_ref: _, ...anonymousIndicator } = indicator;
    const result = anonymizeSubmission(given({ objects: [anonymousIndicator as StixObject, ip] }));
    const byId = new Map(result.objects.map((o) => [o.id, o]));
    expect(byId.get(indicator.id)?.created_by_ref).toBe(fresh.identity);
    expect(byId.get(ip.id)?.created_by_ref).toBeUndefined();
  });

  it.each(['usg', 'everyone'] as const)('with consent %s keeps the real identity and adds sector and location', (consent) => {
    const result = anonymizeSubmission(given({ consent }));
    const byId = new Map(result.objects.map((o) => [o.id, o]));
    expect(result.creatorId).toBe(realIdentity.id);
    expect(byId.get(realIdentity.id)).toMatchObject({ name: 'ACME Energy Corp', sectors: ['energy'] });
    expect(byId.get(indicator.id)?.created_by_ref).toBe(realIdentity.id);
    expect(byId.get(fresh.location)).toMatchObject({ type: 'location', country: 'US' });
    expect(result.replacedIdentityIds).toEqual([]);
  });

  it('with consent but no identity object builds one from the registration', () => {
    const result = anonymizeSubmission(given({ consent: 'everyone', objects: [ip] }));
    expect(result.objects.find((o) => o.id === fresh.identity)).toMatchObject({ name: 'ACME Energy Corp', sectors: ['energy'] });
  });
});
