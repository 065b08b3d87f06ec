import { BASELINE_PROFILE } from './baseline-profile';
import { ProfileErrorCode } from './error-codes';
import type { AisProfile } from './profile';
import { pruneToProfile, type ProfileObject } from './prune-to-profile';

const GREEN = 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da';
const RED = 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed';

const indicator: ProfileObject = {
  type: 'indicator',
  spec_version: '2.1',
  id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
  created: '2026-11-01T00:00:00.000Z',
  modified: '2026-11-01T00:00:00.000Z',
  name: 'Scanning host',
  pattern: "[ipv4-addr:value = '198.51.100.1']",
  pattern_type: 'stix',
  valid_from: '2026-11-01T00:00:00Z',
  indicator_types: ['malicious-activity'],
  object_marking_refs: [GREEN],
};

describe('pruneToProfile', () => {
  it('keeps an object that holds only profile fields and values, unchanged', () => {
    const result = pruneToProfile([indicator], BASELINE_PROFILE);
    expect(result).toEqual({ objects: [indicator], removals: [], failures: [] });
  });

  it('removes properties outside the profile and records each removal by path, never by value', () => {
    const result = pruneToProfile([{ ...indicator, x_acme_ticket: 'jane.doe@example.com', lang: 'en', granular_markings: [] }], BASELINE_PROFILE);
    expect(result.objects).toEqual([indicator]);
    expect(result.removals).toEqual([
      { objectId: indicator.id, path: '/x_acme_ticket', reason: ProfileErrorCode.PropertyNotInProfile },
      { objectId: indicator.id, path: '/lang', reason: ProfileErrorCode.PropertyNotInProfile },
      { objectId: indicator.id, path: '/granular_markings', reason: ProfileErrorCode.PropertyNotInProfile },
    ]);
    expect(JSON.stringify(result.removals)).not.toContain('jane');
  });

  it('removes list entries outside the vocabulary one by one, and the property when none is left', () => {
    const result = pruneToProfile(
      [
        { ...indicator, indicator_types: ['made-up', 'malicious-activity', 'also-made-up'], object_marking_refs: [RED, GREEN] },
        { ...indicator, id: 'indicator--1e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', indicator_types: ['made-up'] },
      ],
      BASELINE_PROFILE,
    );
    expect(result.objects[0]).toEqual({ ...indicator, indicator_types: ['malicious-activity'], object_marking_refs: [GREEN] });
    expect(result.objects[1]).not.toHaveProperty('indicator_types');
    expect(result.removals.map((r) => `${r.objectId.slice(0, 11)}${r.path} ${r.reason}`)).toEqual([
      `indicator--/indicator_types/0 ${ProfileErrorCode.ValueNotInVocabulary}`,
      `indicator--/indicator_types/2 ${ProfileErrorCode.ValueNotInVocabulary}`,
      `indicator--/object_marking_refs/0 ${ProfileErrorCode.ValueNotInVocabulary}`,
      `indicator--/indicator_types ${ProfileErrorCode.ValueNotInVocabulary}`,
    ]);
  });

  it('removes a single value outside its vocabulary, and checks prefixed vocabularies (consent labels)', () => {
    const identity: ProfileObject = {
      type: 'identity',
      spec_version: '2.1',
      id: 'identity--6f4b7f9e-3a52-4c8e-9b1d-2f0c5e8a7d41',
      created: '2026-11-01T00:00:00.000Z',
      modified: '2026-11-01T00:00:00.000Z',
      name: 'ACME',
      identity_class: 'person',
      sectors: ['energy', 'gambling'],
      labels: ['ais-consent-usg', 'vip-customer', 'ais-consent-maybe'],
      contact_information: 'jane.doe@example.com',
    };
    const result = pruneToProfile([identity], BASELINE_PROFILE);
    expect(result.objects[0]).toEqual({
      type: 'identity',
      spec_version: '2.1',
      id: identity.id,
      created: identity.created,
      modified: identity.modified,
      name: 'ACME',
      sectors: ['energy'],
      labels: ['ais-consent-usg'],
    });
    expect(result.removals.map((r) => r.path)).toEqual(['/identity_class', '/sectors/1', '/labels/1', '/labels/2', '/contact_information']);
  });

  it('fails an object whose type is outside the profile, as an object failure, and keeps the rest', () => {
    const note = { type: 'note', spec_version: '2.1', id: 'note--0b6d3c1e-2a4f-4e8d-9c7b-5a3f1e2d4c60', content: 'call Jane' };
    const result = pruneToProfile([note, indicator], BASELINE_PROFILE);
    expect(result.objects).toEqual([indicator]);
    expect(result.failures).toEqual([{ objectId: note.id, code: ProfileErrorCode.TypeNotInProfile, message: expect.any(String) as string }]);
    expect(result.failures[0]?.message).not.toContain('Jane');
  });

  it('follows the profile version it is given, not a built-in list', () => {
    const narrower: AisProfile = {
      ...BASELINE_PROFILE,
      version: 2,
      objectTypes: { ...BASELINE_PROFILE.objectTypes, indicator: { properties: { type: {}, id: {}, spec_version: {}, pattern: {} } } },
    };
    const result = pruneToProfile([indicator], narrower);
    expect(Object.keys(result.objects[0] ?? {})).toEqual(['type', 'spec_version', 'id', 'pattern']);
    expect(result.removals).toHaveLength(7);
  });

  it('escapes "/" and "~" in paths as JSON Pointer does', () => {
    const result = pruneToProfile([{ ...indicator, 'a/b~c': 1 }], BASELINE_PROFILE);
    expect(result.removals[0]?.path).toBe('/a~1b~0c');
  });
});
