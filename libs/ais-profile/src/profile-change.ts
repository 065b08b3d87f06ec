import { ProfileChangeErrorCode } from './error-codes';
import {
  isRecord,
  MAX_VOCABULARY_VALUE_LENGTH,
  OBJECT_TYPE_NAME,
  PROPERTY_NAME,
  VOCABULARY_NAME,
  type AisProfile,
  type ObjectTypeRule,
  type PropertyRule,
} from './profile';

export const PROFILE_CHANGE_KINDS = ['add-property', 'delete-property', 'add-vocabulary-value', 'delete-vocabulary-value'] as const;
export type ProfileChangeKind = (typeof PROFILE_CHANGE_KINDS)[number];

/**
 * One field added to or deleted from the profile (§2.2): a property of an object type, or a value of
 * a controlled vocabulary.
 *
 * - `add-property` on a type the profile does not have adds the type, with the properties every
 *   object needs (`type`, `spec_version`, `id`, `created`, `modified`, `object_marking_refs`).
 * - `delete-property` of `type` deletes the whole object type.
 */
export type ProfileChange =
  | { readonly kind: 'add-property'; readonly objectType: string; readonly property: string; readonly vocabulary?: string }
  | { readonly kind: 'delete-property'; readonly objectType: string; readonly property: string }
  | { readonly kind: 'add-vocabulary-value'; readonly vocabulary: string; readonly value: string }
  | { readonly kind: 'delete-vocabulary-value'; readonly vocabulary: string; readonly value: string };

/** Properties no change may delete one by one: without them no object is valid or markable. */
export const PROTECTED_PROPERTIES: readonly string[] = ['id', 'spec_version', 'created', 'modified', 'object_marking_refs'];
/** What an object type gets when a change adds its first property. */
export const PROPERTIES_OF_A_NEW_TYPE: readonly string[] = ['type', 'spec_version', 'id', 'created', 'modified', 'object_marking_refs'];

export type ParseChangeResult = { readonly ok: true; readonly change: ProfileChange } | { readonly ok: false; readonly code: ProfileChangeErrorCode.Invalid; readonly reason: string };
export type ApplyChangeResult = { readonly ok: true; readonly profile: AisProfile } | { readonly ok: false; readonly code: ProfileChangeErrorCode };

/** Reads a change from a request or an event; the reason names the key at fault. */
export function parseProfileChange(input: unknown): ParseChangeResult {
  const invalid = (reason: string): ParseChangeResult => ({ ok: false, code: ProfileChangeErrorCode.Invalid, reason });
  if (!isRecord(input)) {
    return invalid('a change is an object');
  }
  const { kind, objectType, property, vocabulary, value } = input;
  switch (kind) {
    case 'add-property':
    case 'delete-property': {
      if (typeof objectType !== 'string' || !OBJECT_TYPE_NAME.test(objectType) || objectType.length < 3 || objectType.length > 250) {
        return invalid('objectType must be a STIX object type name');
      }
      if (typeof property !== 'string' || !PROPERTY_NAME.test(property)) {
        return invalid('property must be a STIX property name (a-z, 0-9, _)');
      }
      if (value !== undefined) {
        return invalid('value belongs to vocabulary changes only');
      }
      if (kind === 'delete-property') {
        return vocabulary === undefined ? { ok: true, change: { kind, objectType, property } } : invalid('a deleted property takes no vocabulary');
      }
      if (vocabulary === undefined) {
        return { ok: true, change: { kind, objectType, property } };
      }
      return typeof vocabulary === 'string' && VOCABULARY_NAME.test(vocabulary)
        ? { ok: true, change: { kind, objectType, property, vocabulary } }
        : invalid('vocabulary must be a vocabulary name');
    }
    case 'add-vocabulary-value':
    case 'delete-vocabulary-value': {
      if (typeof vocabulary !== 'string' || !VOCABULARY_NAME.test(vocabulary)) {
        return invalid('vocabulary must be a vocabulary name');
      }
      if (typeof value !== 'string' || value.length === 0 || value.length > MAX_VOCABULARY_VALUE_LENGTH || value.trim() !== value) {
        return invalid(`value must be 1 to ${MAX_VOCABULARY_VALUE_LENGTH} characters without surrounding spaces`);
      }
      if (objectType !== undefined || property !== undefined) {
        return invalid('objectType and property belong to property changes only');
      }
      return { ok: true, change: { kind, vocabulary, value } };
    }
    default:
      return invalid(`kind must be one of ${PROFILE_CHANGE_KINDS.join(', ')}`);
  }
}

/** The field a change touches: two open proposals may not touch the same one. */
export function fieldKeyOf(change: ProfileChange): string {
  switch (change.kind) {
    case 'add-property':
    case 'delete-property':
      return `property:${change.objectType}/${change.property}`;
    case 'add-vocabulary-value':
    case 'delete-vocabulary-value':
      return `vocabulary:${change.vocabulary}/${change.value}`;
    default: {
      const unhandled: never = change;
      return unhandled;
    }
  }
}

/**
 * The profile with the change applied; the version number is the caller's to set. Fails when the
 * change does not fit this version (already there, not there, unknown vocabulary, protected field).
 */
export function applyChange(profile: AisProfile, change: ProfileChange): ApplyChangeResult {
  switch (change.kind) {
    case 'add-property': {
      if (change.vocabulary !== undefined && !hasOwn(profile.vocabularies, change.vocabulary)) {
        return { ok: false, code: ProfileChangeErrorCode.UnknownVocabulary };
      }
      const existing = hasOwn(profile.objectTypes, change.objectType) ? profile.objectTypes[change.objectType] : undefined;
      if (existing !== undefined && hasOwn(existing.properties, change.property)) {
        return { ok: false, code: ProfileChangeErrorCode.AlreadyInProfile };
      }
      const base: Record<string, PropertyRule> = existing === undefined ? newTypeProperties(profile) : { ...existing.properties };
      base[change.property] = change.vocabulary === undefined ? (base[change.property] ?? {}) : { vocabulary: change.vocabulary };
      return { ok: true, profile: { ...profile, objectTypes: { ...profile.objectTypes, [change.objectType]: { properties: base } } } };
    }
    case 'delete-property': {
      const existing = hasOwn(profile.objectTypes, change.objectType) ? profile.objectTypes[change.objectType] : undefined;
      if (existing === undefined || !hasOwn(existing.properties, change.property)) {
        return { ok: false, code: ProfileChangeErrorCode.NotInProfile };
      }
      if (PROTECTED_PROPERTIES.includes(change.property)) {
        return { ok: false, code: ProfileChangeErrorCode.ProtectedField };
      }
      const objectTypes: Record<string, ObjectTypeRule> = { ...profile.objectTypes };
      if (change.property === 'type') {
        delete objectTypes[change.objectType];
      } else {
        const properties = { ...existing.properties };
        delete properties[change.property];
        objectTypes[change.objectType] = { properties };
      }
      return { ok: true, profile: { ...profile, objectTypes } };
    }
    case 'add-vocabulary-value':
    case 'delete-vocabulary-value': {
      const values = hasOwn(profile.vocabularies, change.vocabulary) ? profile.vocabularies[change.vocabulary] : undefined;
      if (values === undefined) {
        return { ok: false, code: ProfileChangeErrorCode.UnknownVocabulary };
      }
      const present = values.includes(change.value);
      if (change.kind === 'add-vocabulary-value' && present) {
        return { ok: false, code: ProfileChangeErrorCode.AlreadyInProfile };
      }
      if (change.kind === 'delete-vocabulary-value' && !present) {
        return { ok: false, code: ProfileChangeErrorCode.NotInProfile };
      }
      const next = change.kind === 'add-vocabulary-value' ? [...values, change.value] : values.filter((value) => value !== change.value);
      return { ok: true, profile: { ...profile, vocabularies: { ...profile.vocabularies, [change.vocabulary]: next } } };
    }
    default: {
      const unhandled: never = change;
      return unhandled;
    }
  }
}

function newTypeProperties(profile: AisProfile): Record<string, PropertyRule> {
  return Object.fromEntries(
    PROPERTIES_OF_A_NEW_TYPE.map((property) => [property, property === 'object_marking_refs' ? { vocabulary: profile.minimum.markingVocabulary } : {}]),
  );
}

function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}
