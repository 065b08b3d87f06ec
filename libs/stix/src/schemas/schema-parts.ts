/**
 * Building blocks of the STIX 2.1 JSON schemas (draft 2020-12), written from the specification's
 * property tables. Identifiers are only `string` here: their form and target types are checked by
 * the reference rules, which give sharper error codes than a regex would.
 */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** Formats registered on the Ajv instance besides ajv-formats' `uri` and `byte`. */
export const TIMESTAMP_FORMAT = 'stix-timestamp';
export const IPV6_CIDR_FORMAT = 'stix-ipv6-cidr';

export const text: JsonSchema = { type: 'string' };
export const flag: JsonSchema = { type: 'boolean' };
export const timestamp: JsonSchema = { type: 'string', format: TIMESTAMP_FORMAT };
export const identifier: JsonSchema = { type: 'string' };
export const identifierList: JsonSchema = { type: 'array', minItems: 1, items: identifier };
/** Lists of strings, open vocabularies included: the specification forbids empty lists. */
export const textList: JsonSchema = { type: 'array', minItems: 1, items: text };
export const uri: JsonSchema = { type: 'string', format: 'uri', description: 'an RFC 3986 URI' };
export const nonNegativeInteger: JsonSchema = { type: 'integer', minimum: 0 };

export function integerBetween(minimum: number, maximum: number): JsonSchema {
  return { type: 'integer', minimum, maximum };
}

export function oneOfValues(values: readonly string[]): JsonSchema {
  return { type: 'string', enum: values };
}

export function hex(length: number, description: string): JsonSchema {
  return { type: 'string', pattern: `^[0-9a-fA-F]{${length}}$`, description };
}

/**
 * A rule over several properties, kept in its own schema object so that a failure reports the
 * rule (its `description`) once instead of every branch Ajv tried.
 */
export function rule(description: string, schema: JsonSchema): JsonSchema {
  return { description, ...schema };
}

export function requireOneOf(names: readonly string[]): JsonSchema[] {
  return names.map((name) => ({ required: [name] }));
}

/** Dictionary keys: ASCII letters, digits, "-" and "_", at most 250 characters. */
const dictionaryKey: JsonSchema = {
  type: 'string',
  pattern: '^[a-zA-Z0-9_-]{1,250}$',
  description: 'a dictionary key of ASCII letters, digits, "-" and "_", at most 250 long',
};

export function dictionary(values: JsonSchema = {}): JsonSchema {
  return { type: 'object', minProperties: 1, propertyNames: dictionaryKey, additionalProperties: values };
}

export const hashes: JsonSchema = {
  type: 'object',
  minProperties: 1,
  propertyNames: dictionaryKey,
  properties: {
    MD5: hex(32, 'an MD5 hash: 32 hex digits'),
    'SHA-1': hex(40, 'a SHA-1 hash: 40 hex digits'),
    'SHA-256': hex(64, 'a SHA-256 hash: 64 hex digits'),
    'SHA-512': hex(128, 'a SHA-512 hash: 128 hex digits'),
    'SHA3-256': hex(64, 'a SHA3-256 hash: 64 hex digits'),
    'SHA3-512': hex(128, 'a SHA3-512 hash: 128 hex digits'),
    SSDEEP: text,
    TLSH: text,
  },
  additionalProperties: text,
};

export const externalReference: JsonSchema = {
  type: 'object',
  required: ['source_name'],
  properties: { source_name: text, description: text, url: uri, hashes, external_id: text },
  allOf: [
    rule('an external reference has description, url or external_id besides source_name', {
      anyOf: requireOneOf(['description', 'url', 'external_id']),
    }),
  ],
};

export const killChainPhases: JsonSchema = {
  type: 'array',
  minItems: 1,
  items: { type: 'object', required: ['kill_chain_name', 'phase_name'], properties: { kill_chain_name: text, phase_name: text } },
};

/** Exactly one of marking_ref and lang, and selector resolution, are checked by rules. */
export const granularMarkings: JsonSchema = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['selectors'],
    properties: { lang: text, marking_ref: identifier, selectors: { type: 'array', minItems: 1, items: text } },
  },
};

export const extensions: JsonSchema = dictionary({ type: 'object' });

/** STIX property names: a-z, 0-9 and "_", 3 to 250 characters (`id` is the one shorter name). */
export const stixPropertyName: JsonSchema = { pattern: '^(id|[a-z0-9_]{3,250})$' };
