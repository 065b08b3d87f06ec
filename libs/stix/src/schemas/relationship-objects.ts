import { domainObject } from './common-properties';
import type { JsonSchema } from './schema-parts';
import { flag, identifier, identifierList, integerBetween, text, timestamp } from './schema-parts';

/** STIX Relationship Objects (STIX 2.1 §5). Target types of the refs are checked by rules. */
export const RELATIONSHIP_OBJECT_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  relationship: domainObject('relationship', {
    required: ['relationship_type', 'source_ref', 'target_ref'],
    properties: {
      relationship_type: { type: 'string', pattern: '^[a-z0-9-]+$', description: 'a relationship type of a-z, 0-9 and "-"' },
      description: text,
      source_ref: identifier,
      target_ref: identifier,
      start_time: timestamp,
      stop_time: timestamp,
    },
  }),

  sighting: domainObject('sighting', {
    required: ['sighting_of_ref'],
    properties: {
      description: text,
      first_seen: timestamp,
      last_seen: timestamp,
      count: integerBetween(0, 999_999_999),
      sighting_of_ref: identifier,
      observed_data_refs: identifierList,
      where_sighted_refs: identifierList,
      summary: flag,
    },
  }),
};
