import { domainObject } from './common-properties';
import type { JsonSchema } from './schema-parts';
import {
  dictionary,
  flag,
  identifier,
  identifierList,
  integerBetween,
  killChainPhases,
  oneOfValues,
  requireOneOf,
  rule,
  text,
  textList,
  timestamp,
} from './schema-parts';

/** STIX Domain Objects (STIX 2.1 §4), with the required properties of each property table. */

const seenRange = { first_seen: timestamp, last_seen: timestamp };

const named = { name: text, description: text };

export const DOMAIN_OBJECT_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  'attack-pattern': domainObject('attack-pattern', {
    required: ['name'],
    properties: { ...named, aliases: textList, kill_chain_phases: killChainPhases },
  }),

  campaign: domainObject('campaign', {
    required: ['name'],
    properties: { ...named, aliases: textList, ...seenRange, objective: text },
  }),

  /** The "defensive measure" of AIS. */
  'course-of-action': domainObject('course-of-action', {
    required: ['name'],
    properties: { ...named },
  }),

  grouping: domainObject('grouping', {
    required: ['context', 'object_refs'],
    properties: { ...named, context: text, object_refs: identifierList },
  }),

  identity: domainObject('identity', {
    required: ['name'],
    properties: { ...named, roles: textList, identity_class: text, sectors: textList, contact_information: text },
  }),

  incident: domainObject('incident', {
    required: ['name'],
    properties: { ...named, kill_chain_phases: killChainPhases },
  }),

  indicator: domainObject('indicator', {
    required: ['pattern', 'pattern_type', 'valid_from'],
    properties: {
      ...named,
      indicator_types: textList,
      pattern: text,
      pattern_type: text,
      pattern_version: text,
      valid_from: timestamp,
      valid_until: timestamp,
      kill_chain_phases: killChainPhases,
    },
  }),

  infrastructure: domainObject('infrastructure', {
    required: ['name'],
    properties: { ...named, infrastructure_types: textList, aliases: textList, kill_chain_phases: killChainPhases, ...seenRange },
  }),

  'intrusion-set': domainObject('intrusion-set', {
    required: ['name'],
    properties: {
      ...named,
      aliases: textList,
      ...seenRange,
      goals: textList,
      resource_level: text,
      primary_motivation: text,
      secondary_motivations: textList,
    },
  }),

  location: domainObject('location', {
    properties: {
      ...named,
      latitude: { type: 'number', minimum: -90, maximum: 90 },
      longitude: { type: 'number', minimum: -180, maximum: 180 },
      precision: { type: 'number', minimum: 0 },
      region: text,
      country: text,
      administrative_area: text,
      city: text,
      street_address: text,
      postal_code: text,
    },
    dependentRequired: { latitude: ['longitude'], longitude: ['latitude'], precision: ['latitude', 'longitude'] },
    rules: [
      rule('a location has region, country, or latitude and longitude', {
        anyOf: [{ required: ['region'] }, { required: ['country'] }, { required: ['latitude', 'longitude'] }],
      }),
    ],
  }),

  malware: domainObject('malware', {
    required: ['is_family'],
    properties: {
      ...named,
      malware_types: textList,
      is_family: flag,
      aliases: textList,
      kill_chain_phases: killChainPhases,
      ...seenRange,
      operating_system_refs: identifierList,
      architecture_execution_envs: textList,
      implementation_languages: textList,
      capabilities: textList,
      sample_refs: identifierList,
    },
    rules: [
      rule('a malware family (is_family true) has a name', {
        if: { properties: { is_family: { const: true } }, required: ['is_family'] },
        then: { required: ['name'] },
      }),
    ],
  }),

  'malware-analysis': domainObject('malware-analysis', {
    required: ['product'],
    properties: {
      product: text,
      version: text,
      host_vm_ref: identifier,
      operating_system_ref: identifier,
      installed_software_refs: identifierList,
      configuration_version: text,
      modules: textList,
      analysis_engine_version: text,
      analysis_definition_version: text,
      submitted: timestamp,
      analysis_started: timestamp,
      analysis_ended: timestamp,
      result_name: text,
      result: text,
      analysis_sco_refs: identifierList,
      sample_ref: identifier,
    },
    rules: [rule('a malware analysis has result or analysis_sco_refs', { anyOf: requireOneOf(['result', 'analysis_sco_refs']) })],
  }),

  note: domainObject('note', {
    required: ['content', 'object_refs'],
    properties: { abstract: text, content: text, authors: textList, object_refs: identifierList },
  }),

  'observed-data': domainObject('observed-data', {
    required: ['first_observed', 'last_observed', 'number_observed'],
    properties: {
      first_observed: timestamp,
      last_observed: timestamp,
      number_observed: integerBetween(1, 999_999_999),
      objects: dictionary({ type: 'object' }),
      object_refs: identifierList,
    },
    rules: [rule('observed data has exactly one of object_refs and the deprecated objects', { oneOf: requireOneOf(['object_refs', 'objects']) })],
  }),

  opinion: domainObject('opinion', {
    required: ['opinion', 'object_refs'],
    properties: {
      explanation: text,
      authors: textList,
      opinion: oneOfValues(['strongly-disagree', 'disagree', 'neutral', 'agree', 'strongly-agree']),
      object_refs: identifierList,
    },
  }),

  report: domainObject('report', {
    required: ['name', 'published', 'object_refs'],
    properties: { ...named, report_types: textList, published: timestamp, object_refs: identifierList },
  }),

  'threat-actor': domainObject('threat-actor', {
    required: ['name'],
    properties: {
      ...named,
      threat_actor_types: textList,
      aliases: textList,
      ...seenRange,
      roles: textList,
      goals: textList,
      sophistication: text,
      resource_level: text,
      primary_motivation: text,
      secondary_motivations: textList,
      personal_motivations: textList,
    },
  }),

  tool: domainObject('tool', {
    required: ['name'],
    properties: { ...named, tool_types: textList, aliases: textList, kill_chain_phases: killChainPhases, tool_version: text },
  }),

  vulnerability: domainObject('vulnerability', {
    required: ['name'],
    properties: { ...named },
  }),
};
