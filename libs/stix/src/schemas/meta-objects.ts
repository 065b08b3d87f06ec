import { domainObject, markingObject } from './common-properties';
import type { JsonSchema } from './schema-parts';
import { dictionary, identifier, oneOfValues, rule, text, textList, timestamp } from './schema-parts';

/** Marking definitions, language content and extension definitions (STIX 2.1 §7). */
export const META_OBJECT_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  'marking-definition': markingObject('marking-definition', {
    properties: { name: text, definition_type: text, definition: { type: 'object' } },
    rules: [
      rule('a marking definition has extensions, or definition_type with definition', {
        anyOf: [{ required: ['extensions'] }, { required: ['definition_type', 'definition'] }],
      }),
      rule('a TLP marking definition is {"tlp": "white" | "green" | "amber" | "red"}', {
        if: { properties: { definition_type: { const: 'tlp' } }, required: ['definition_type'] },
        then: {
          properties: {
            definition: {
              type: 'object',
              required: ['tlp'],
              properties: { tlp: { enum: ['white', 'green', 'amber', 'red'] } },
              additionalProperties: false,
            },
          },
        },
      }),
      rule('a statement marking definition is {"statement": text}', {
        if: { properties: { definition_type: { const: 'statement' } }, required: ['definition_type'] },
        then: {
          properties: {
            definition: { type: 'object', required: ['statement'], properties: { statement: text }, additionalProperties: false },
          },
        },
      }),
    ],
  }),

  /** The language keys of `contents` are checked by the language-tag rule. */
  'language-content': domainObject('language-content', {
    required: ['object_ref', 'contents'],
    properties: { object_ref: identifier, object_modified: timestamp, contents: dictionary({ type: 'object', minProperties: 1 }) },
  }),

  'extension-definition': domainObject('extension-definition', {
    required: ['created_by_ref', 'name', 'schema', 'version', 'extension_types'],
    properties: {
      name: text,
      description: text,
      schema: text,
      version: text,
      extension_types: {
        type: 'array',
        minItems: 1,
        items: oneOfValues(['new-sdo', 'new-sco', 'new-sro', 'property-extension', 'toplevel-property-extension']),
      },
      extension_properties: textList,
    },
  }),
};
