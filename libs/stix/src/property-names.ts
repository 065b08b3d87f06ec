import { REFERENCE_PATH_NAMES } from './rules/reference-specs';
import type { JsonSchema } from './schemas';
import { CUSTOM_OBJECT_SCHEMA, OBJECT_SCHEMAS } from './schemas';

/**
 * Every property name the schemas and rules know. Error paths show these and list indexes only:
 * any other key (a custom property, a dictionary key) is written `*`, since a key chosen by a
 * submitter could itself carry the kind of value that must never reach a log line.
 */
export const KNOWN_PROPERTY_NAMES: ReadonlySet<string> = collectNames([...OBJECT_SCHEMAS.values(), CUSTOM_OBJECT_SCHEMA], REFERENCE_PATH_NAMES);

/** `name` if it is a known property name, `*` otherwise. */
export function safeName(name: string): string {
  return KNOWN_PROPERTY_NAMES.has(name) ? name : '*';
}

function collectNames(schemas: readonly JsonSchema[], extra: readonly string[]): Set<string> {
  const names = new Set<string>(extra);
  const visit = (schema: unknown): void => {
    if (typeof schema !== 'object' || schema === null) {
      return;
    }
    if (Array.isArray(schema)) {
      schema.forEach(visit);
      return;
    }
    const record = schema as Record<string, unknown>;
    for (const key of ['properties', 'dependentRequired']) {
      const value = record[key];
      if (typeof value === 'object' && value !== null) {
        Object.keys(value).forEach((name) => names.add(name));
      }
    }
    if (Array.isArray(record.required)) {
      record.required.forEach((name) => names.add(String(name)));
    }
    Object.values(record).forEach(visit);
  };
  schemas.forEach(visit);
  return names;
}
