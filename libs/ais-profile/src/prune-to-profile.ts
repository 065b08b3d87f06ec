import { PROFILE_ERROR_MESSAGES, ProfileErrorCode } from './error-codes';
import type { AisProfile, PropertyRule } from './profile';

/** A STIX object that passed STIX validation: a JSON object with a type and an id. */
export type ProfileObject = Readonly<Record<string, unknown>> & { readonly type: string; readonly id: string };

/** A field taken out of an object (§2.3.1.2): where, and which rule. Never the value. */
export interface FieldRemoval {
  readonly objectId: string;
  /** JSON Pointer (RFC 6901) into the object as submitted: `/x_note`, `/indicator_types/1`. */
  readonly path: string;
  readonly reason: ProfileErrorCode.PropertyNotInProfile | ProfileErrorCode.ValueNotInVocabulary;
}

/** An object that cannot travel at all; the message names the rule, never a value. */
export interface ObjectFailure {
  readonly objectId?: string;
  readonly code: string;
  readonly message: string;
}

export interface PruneResult {
  /** The objects whose type is in the profile, each without the fields the profile does not allow. */
  readonly objects: ProfileObject[];
  readonly removals: FieldRemoval[];
  /** Objects of a type outside the profile. */
  readonly failures: ObjectFailure[];
}

/**
 * Removes from each object the properties its type does not have in the profile and the values
 * outside the property's controlled vocabulary (a list keeps its allowed entries; a list left
 * empty, like a single bad value, loses the property). An object whose type is not in the profile
 * fails as a whole. Pure: the input objects are not modified.
 */
export function pruneToProfile(objects: readonly ProfileObject[], profile: AisProfile): PruneResult {
  const kept: ProfileObject[] = [];
  const removals: FieldRemoval[] = [];
  const failures: ObjectFailure[] = [];
  for (const object of objects) {
    const rule = Object.prototype.hasOwnProperty.call(profile.objectTypes, object.type) ? profile.objectTypes[object.type] : undefined;
    if (rule === undefined) {
      failures.push({ objectId: object.id, code: ProfileErrorCode.TypeNotInProfile, message: PROFILE_ERROR_MESSAGES[ProfileErrorCode.TypeNotInProfile] });
      continue;
    }
    const pruned: Record<string, unknown> = {};
    for (const [property, value] of Object.entries(object)) {
      const propertyRule = Object.prototype.hasOwnProperty.call(rule.properties, property) ? rule.properties[property] : undefined;
      if (propertyRule === undefined) {
        removals.push({ objectId: object.id, path: pointer(property), reason: ProfileErrorCode.PropertyNotInProfile });
        continue;
      }
      const allowed = allowedValue(value, propertyRule, profile);
      if (allowed.kind === 'keep') {
        pruned[property] = value;
      } else if (allowed.kind === 'drop') {
        removals.push({ objectId: object.id, path: pointer(property), reason: ProfileErrorCode.ValueNotInVocabulary });
      } else {
        pruned[property] = allowed.kept;
        for (const index of allowed.removedIndexes) {
          removals.push({ objectId: object.id, path: pointer(property, index), reason: ProfileErrorCode.ValueNotInVocabulary });
        }
      }
    }
    kept.push(pruned as ProfileObject);
  }
  return { objects: kept, removals, failures };
}

type Allowed = { kind: 'keep' } | { kind: 'drop' } | { kind: 'partial'; kept: unknown[]; removedIndexes: number[] };

function allowedValue(value: unknown, rule: PropertyRule, profile: AisProfile): Allowed {
  if (rule.vocabulary === undefined) {
    return { kind: 'keep' };
  }
  const vocabulary = new Set(profile.vocabularies[rule.vocabulary] ?? []);
  const prefix = rule.valuePrefix ?? '';
  const inVocabulary = (entry: unknown) => typeof entry === 'string' && entry.startsWith(prefix) && vocabulary.has(entry.slice(prefix.length));
  if (!Array.isArray(value)) {
    return inVocabulary(value) ? { kind: 'keep' } : { kind: 'drop' };
  }
  const kept: unknown[] = [];
  const removedIndexes: number[] = [];
  value.forEach((entry: unknown, index) => (inVocabulary(entry) ? kept.push(entry) : removedIndexes.push(index)));
  if (removedIndexes.length === 0) {
    return { kind: 'keep' };
  }
  return kept.length === 0 ? { kind: 'drop' } : { kind: 'partial', kept, removedIndexes };
}

/** RFC 6901: `~` and `/` inside a name are escaped. */
export function pointer(property: string, index?: number): string {
  const escaped = property.replace(/~/g, '~0').replace(/\//g, '~1');
  return index === undefined ? `/${escaped}` : `/${escaped}/${index}`;
}
