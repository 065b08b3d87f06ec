import type { StixObject } from '../types';

/**
 * Rewrites object ids after a redaction changed them.
 *
 * A STIX Cyber-observable's id is a UUIDv5 over its ID-contributing properties (`email-addr.value`,
 * `url.value`, `user-account.user_id` …; see `ID_CONTRIBUTING_PROPERTIES`). When screening replaces
 * or removes one (`ScreeningResult.requiresNewId`), the caller computes the new id from the cleared
 * object and calls this with `old id → new id` for the whole submission: every `id`, every `*_ref`
 * and every element of every `*_refs` (at any depth: `object_refs`, `to_refs`,
 * `body_multipart[].body_raw_ref`, `granular_markings[].marking_ref` …) is rewritten. Objects that
 * hold no mapped id are returned as the same instances; nothing is mutated.
 */
export function rewriteReferences(
  objects: readonly StixObject[],
  oldToNew: ReadonlyMap<string, string>,
): StixObject[] {
  if (oldToNew.size === 0) {
    return [...objects];
  }
  return objects.map((object) => rewriteValue(object, '', oldToNew) as StixObject);
}

function rewriteValue(value: unknown, key: string, oldToNew: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') {
    return key === 'id' || key.endsWith('_ref') ? (oldToNew.get(value) ?? value) : value;
  }
  if (Array.isArray(value)) {
    const isRefList = key.endsWith('_refs');
    let changed = false;
    const out = value.map((item: unknown) => {
      const next = isRefList && typeof item === 'string' ? (oldToNew.get(item) ?? item) : rewriteValue(item, '', oldToNew);
      changed ||= next !== item;
      return next;
    });
    return changed ? out : value;
  }
  if (value !== null && typeof value === 'object') {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [childKey, child] of Object.entries(value as Record<string, unknown>)) {
      const next = rewriteValue(child, childKey, oldToNew);
      changed ||= next !== child;
      out[childKey] = next;
    }
    return changed ? out : value;
  }
  return value;
}
