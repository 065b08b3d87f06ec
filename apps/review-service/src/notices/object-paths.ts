import { formatPath } from '@ais/pii';

/** Properties that name the object and its version: no decision may touch them. */
export const PROTECTED_PROPERTIES: ReadonlySet<string> = new Set(['id', 'type', 'spec_version', 'created', 'modified']);

/** One field of a published object an analyst may act on, written as pii-filter writes paths. */
export interface ObjectField {
  readonly path: string;
  /** Text fields can be redacted (replaced by the analyst's text); anything can be removed. */
  readonly redactable: boolean;
}

/**
 * Every field of a published object, containers and leaves, depth first, as JSON paths
 * (`description`, `external_references[0].description`): what a notice may name and a decision may
 * remove. The object's identity properties are left out. A field is redactable when it is text
 * under a property name (not a list position: version-publisher would insert there, not replace).
 */
export function objectFields(object: Readonly<Record<string, unknown>>): ObjectField[] {
  const fields: ObjectField[] = [];
  const walk = (value: unknown, segments: (string | number)[]): void => {
    if (segments.length > 0) {
      fields.push({ path: formatPath(segments), redactable: typeof value === 'string' && typeof segments[segments.length - 1] === 'string' });
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...segments, i]));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (segments.length === 0 && PROTECTED_PROPERTIES.has(key)) {
          continue;
        }
        walk(item, [...segments, key]);
      }
    }
  };
  walk(object, []);
  return fields;
}

/** Whether `path` lies inside `ancestor` (`a.b` inside `a`, `a[0]` inside `a`), or is it. */
export function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || (path.startsWith(ancestor) && (path[ancestor.length] === '.' || path[ancestor.length] === '['));
}
