import { BASELINE_PROFILE } from './baseline-profile';
import { ProfileChangeErrorCode } from './error-codes';
import { parseProfile } from './profile';
import { applyChange, fieldKeyOf, parseProfileChange, type ProfileChange } from './profile-change';

function applied(change: ProfileChange) {
  const result = applyChange(BASELINE_PROFILE, change);
  if (!result.ok) {
    throw new Error(`expected ${change.kind} to apply, got ${result.code}`);
  }
  expect(parseProfile(result.profile)).toMatchObject({ ok: true });
  return result.profile;
}

describe('the baseline AIS Profile (data/ais-profile.v1.json)', () => {
  it('is version 1 of a coherent profile with the AIS vocabularies', () => {
    expect(BASELINE_PROFILE.version).toBe(1);
    expect(BASELINE_PROFILE.vocabularies['tlp-marking']).toEqual([
      'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
      'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
      'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
    ]);
    expect(BASELINE_PROFILE.vocabularies['industry-sector']).toHaveLength(17);
    expect(BASELINE_PROFILE.vocabularies.consent).toEqual(['none', 'usg', 'everyone']);
    for (const [type, rule] of Object.entries(BASELINE_PROFILE.objectTypes)) {
      expect({ type, marking: rule.properties.object_marking_refs }).toEqual({ type, marking: { vocabulary: 'tlp-marking' } });
    }
  });

  it('refuses an incoherent profile, naming the keys', () => {
    const broken = { ...BASELINE_PROFILE, version: 0, objectTypes: { indicator: { properties: { type: {}, id: {}, pattern_type: { vocabulary: 'nope' } } } } };
    const parsed = parseProfile(broken);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems).toEqual(['version must be a positive integer', 'indicator.pattern_type: names an unknown vocabulary']);
  });
});

describe('applyChange', () => {
  it('adds a property, with or without a vocabulary, and a whole new object type', () => {
    expect(applied({ kind: 'add-property', objectType: 'indicator', property: 'lang' }).objectTypes.indicator?.properties.lang).toEqual({});
    expect(applied({ kind: 'add-property', objectType: 'tool', property: 'x_mitre_id', vocabulary: 'tool-type' }).objectTypes.tool?.properties.x_mitre_id).toEqual({
      vocabulary: 'tool-type',
    });
    const note = applied({ kind: 'add-property', objectType: 'note', property: 'abstract' }).objectTypes.note;
    expect(Object.keys(note?.properties ?? {})).toEqual(['type', 'spec_version', 'id', 'created', 'modified', 'object_marking_refs', 'abstract']);
    expect(note?.properties.object_marking_refs).toEqual({ vocabulary: 'tlp-marking' });
  });

  it('deletes a property, or a whole type through its "type" property', () => {
    expect(applied({ kind: 'delete-property', objectType: 'indicator', property: 'description' }).objectTypes.indicator?.properties).not.toHaveProperty('description');
    expect(applied({ kind: 'delete-property', objectType: 'mutex', property: 'type' }).objectTypes).not.toHaveProperty('mutex');
  });

  it('adds and deletes vocabulary values', () => {
    expect(applied({ kind: 'add-vocabulary-value', vocabulary: 'pattern-type', value: 'yara' }).vocabularies['pattern-type']).toEqual(['stix', 'yara']);
    expect(applied({ kind: 'delete-vocabulary-value', vocabulary: 'consent', value: 'everyone' }).vocabularies.consent).toEqual(['none', 'usg']);
  });

  it.each<[ProfileChange, ProfileChangeErrorCode]>([
    [{ kind: 'add-property', objectType: 'indicator', property: 'pattern' }, ProfileChangeErrorCode.AlreadyInProfile],
    [{ kind: 'add-property', objectType: 'indicator', property: 'lang', vocabulary: 'languages' }, ProfileChangeErrorCode.UnknownVocabulary],
    [{ kind: 'delete-property', objectType: 'indicator', property: 'lang' }, ProfileChangeErrorCode.NotInProfile],
    [{ kind: 'delete-property', objectType: 'note', property: 'content' }, ProfileChangeErrorCode.NotInProfile],
    [{ kind: 'delete-property', objectType: 'indicator', property: 'object_marking_refs' }, ProfileChangeErrorCode.ProtectedField],
    [{ kind: 'delete-property', objectType: 'indicator', property: 'id' }, ProfileChangeErrorCode.ProtectedField],
    [{ kind: 'add-vocabulary-value', vocabulary: 'consent', value: 'usg' }, ProfileChangeErrorCode.AlreadyInProfile],
    [{ kind: 'add-vocabulary-value', vocabulary: 'colours', value: 'red' }, ProfileChangeErrorCode.UnknownVocabulary],
    [{ kind: 'delete-vocabulary-value', vocabulary: 'tlp-marking', value: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed' }, ProfileChangeErrorCode.NotInProfile],
  ])('refuses %j with %s', (change, code) => {
    expect(applyChange(BASELINE_PROFILE, change)).toEqual({ ok: false, code });
  });

  it('leaves the version it was given untouched', () => {
    applied({ kind: 'delete-property', objectType: 'indicator', property: 'description' });
    expect(BASELINE_PROFILE.objectTypes.indicator?.properties).toHaveProperty('description');
  });
});

describe('parseProfileChange', () => {
  it('reads the four kinds of change and gives each field a key', () => {
    const changes = [
      { kind: 'add-property', objectType: 'indicator', property: 'lang' },
      { kind: 'add-property', objectType: 'identity', property: 'roles', vocabulary: 'identity-class' },
      { kind: 'delete-property', objectType: 'indicator', property: 'description' },
      { kind: 'add-vocabulary-value', vocabulary: 'pattern-type', value: 'yara' },
      { kind: 'delete-vocabulary-value', vocabulary: 'consent', value: 'everyone' },
    ];
    const keys = changes.map((input) => {
      const parsed = parseProfileChange(input);
      expect(parsed).toEqual({ ok: true, change: input });
      return parsed.ok ? fieldKeyOf(parsed.change) : '';
    });
    expect(keys).toEqual([
      'property:indicator/lang',
      'property:identity/roles',
      'property:indicator/description',
      'vocabulary:pattern-type/yara',
      'vocabulary:consent/everyone',
    ]);
  });

  it.each([
    ['not an object', 'add-property'],
    ['an unknown kind', { kind: 'rename-property', objectType: 'indicator', property: 'name' }],
    ['a bad type name', { kind: 'add-property', objectType: 'Indicator', property: 'name' }],
    ['a bad property name', { kind: 'delete-property', objectType: 'indicator', property: 'Name' }],
    ['a value on a property change', { kind: 'add-property', objectType: 'indicator', property: 'lang', value: 'en' }],
    ['a padded vocabulary value', { kind: 'add-vocabulary-value', vocabulary: 'consent', value: ' all ' }],
    ['a type on a vocabulary change', { kind: 'add-vocabulary-value', vocabulary: 'consent', value: 'all', objectType: 'identity' }],
  ])('refuses %s', (_label, input) => {
    expect(parseProfileChange(input)).toMatchObject({ ok: false, code: ProfileChangeErrorCode.Invalid });
  });
});
