import type { JsonSchema } from './schema-parts';
import {
  externalReference,
  extensions,
  flag,
  granularMarkings,
  identifier,
  identifierList,
  integerBetween,
  stixPropertyName,
  text,
  textList,
  timestamp,
} from './schema-parts';

/** Properties every SDO and SRO may carry (STIX 2.1 §3.2). */
const DOMAIN_COMMON: Record<string, JsonSchema> = {
  spec_version: { const: '2.1' },
  id: text,
  created_by_ref: identifier,
  created: timestamp,
  modified: timestamp,
  revoked: flag,
  labels: textList,
  confidence: integerBetween(0, 100),
  lang: text,
  external_references: { type: 'array', minItems: 1, items: externalReference },
  object_marking_refs: identifierList,
  granular_markings: granularMarkings,
  extensions,
};

/** SCOs carry no created/modified and no authoring properties (STIX 2.1 §6.1). */
const OBSERVABLE_COMMON: Record<string, JsonSchema | boolean> = {
  spec_version: { const: '2.1' },
  id: text,
  object_marking_refs: identifierList,
  granular_markings: granularMarkings,
  defanged: flag,
  extensions,
  created: false,
  modified: false,
};

interface ObjectSchemaParts {
  readonly properties: Record<string, JsonSchema>;
  readonly required?: readonly string[];
  /** Rules across properties, each built with `rule(…)`. */
  readonly rules?: readonly JsonSchema[];
  readonly dependentRequired?: Record<string, readonly string[]>;
}

function objectSchema(type: string, common: Record<string, JsonSchema | boolean>, required: readonly string[], parts: ObjectSchemaParts): JsonSchema {
  return {
    type: 'object',
    required: [...required, ...(parts.required ?? [])],
    propertyNames: stixPropertyName,
    properties: { ...common, type: { const: type }, ...parts.properties },
    ...(parts.dependentRequired === undefined ? {} : { dependentRequired: parts.dependentRequired }),
    ...(parts.rules === undefined ? {} : { allOf: parts.rules }),
  };
}

export function domainObject(type: string, parts: ObjectSchemaParts): JsonSchema {
  return objectSchema(type, DOMAIN_COMMON, ['type', 'spec_version', 'id', 'created', 'modified'], parts);
}

export function observableObject(type: string, parts: ObjectSchemaParts): JsonSchema {
  return objectSchema(type, OBSERVABLE_COMMON, ['type', 'id'], parts);
}

/** Marking definitions are never versioned: `created` but no `modified` is required. */
export function markingObject(type: string, parts: ObjectSchemaParts): JsonSchema {
  return objectSchema(type, DOMAIN_COMMON, ['type', 'spec_version', 'id', 'created'], parts);
}

/**
 * A custom `x-` object: only the common checks. It may be SDO-like or SCO-like, so only `type`
 * and `id` are required; the common properties it carries must still be well formed.
 */
export const CUSTOM_OBJECT_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['type', 'id'],
  propertyNames: stixPropertyName,
  properties: { ...DOMAIN_COMMON, defanged: flag, type: text },
};
