import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COMMON_FIELD_RULES, FIELD_RULES, ID_CONTRIBUTING_PROPERTIES, REQUIRED_SCREENED_FIELDS } from './field-rules';
import { renderFieldRulesTable } from './field-rules-table';
import { rulesFor, ruleSegments } from './rule-lookup';

const kindAt = (object: { type: string; id: string } & Record<string, unknown>, path: string): string | undefined =>
  rulesFor(object).ruleAt(ruleSegments(path))?.treatment.kind;

describe('field rules', () => {
  const indicator = { type: 'indicator', id: 'indicator--1' };

  it('clears schema-restricted and vocabulary properties', () => {
    for (const path of ['id', 'created', 'modified', 'pattern_type', 'indicator_types', 'valid_from', 'object_marking_refs', 'created_by_ref', 'kill_chain_phases']) {
      expect(kindAt(indicator, path)).toBe('cleared');
    }
    expect(kindAt({ type: 'file', id: 'file--1' }, 'hashes')).toBe('cleared');
    expect(kindAt({ type: 'opinion', id: 'opinion--1' }, 'opinion')).toBe('cleared');
  });

  it('passes actor-side observables', () => {
    expect(kindAt({ type: 'domain-name', id: 'd--1' }, 'value')).toBe('actor-side');
    expect(kindAt({ type: 'malware', id: 'malware--1' }, 'name')).toBe('actor-side');
    expect(kindAt({ type: 'threat-actor', id: 'threat-actor--1' }, 'aliases')).toBe('actor-side');
    expect(kindAt({ type: 'email-addr', id: 'email-addr--1' }, 'value')).toBe('actor-side-if-referenced');
    expect(kindAt({ type: 'url', id: 'url--1' }, 'value')).toBe('actor-side-if-referenced');
  });

  it('screens victim-side and free-text properties', () => {
    expect(kindAt(indicator, 'description')).toBe('screened');
    expect(kindAt(indicator, 'external_references[].description')).toBe('screened');
    expect(kindAt({ type: 'note', id: 'note--1' }, 'content')).toBe('screened');
    expect(kindAt({ type: 'opinion', id: 'opinion--1' }, 'explanation')).toBe('screened');
    expect(kindAt({ type: 'identity', id: 'identity--1' }, 'contact_information')).toBe('screened');
    expect(kindAt({ type: 'email-message', id: 'email-message--1' }, 'body')).toBe('screened');
    expect(kindAt({ type: 'email-message', id: 'email-message--1' }, 'body_multipart[].body')).toBe('screened');
  });

  it('holds person-identifying properties for review', () => {
    expect(kindAt({ type: 'user-account', id: 'user-account--1' }, 'credential')).toBe('review');
    expect(kindAt({ type: 'note', id: 'note--1' }, 'authors')).toBe('review');
    expect(kindAt({ type: 'location', id: 'location--1' }, 'street_address')).toBe('review');
    expect(kindAt({ type: 'identity', id: 'identity--1', identity_class: 'individual' }, 'name')).toBe('review');
    expect(kindAt({ type: 'identity', id: 'identity--1', identity_class: 'organization' }, 'name')).toBe('screened');
  });

  it('leaves unknown and custom properties unclassified, so the engine screens them', () => {
    expect(kindAt(indicator, 'x_reporter_notes')).toBeUndefined();
    expect(kindAt({ type: 'x-custom-object', id: 'x-custom-object--1' }, 'anything')).toBeUndefined();
  });

  it('matches wildcard paths', () => {
    expect(kindAt(indicator, 'extensions.extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e.extension_type')).toBe('cleared');
  });

  it('only names real STIX types, and only top-level required properties', () => {
    for (const table of [FIELD_RULES, REQUIRED_SCREENED_FIELDS, ID_CONTRIBUTING_PROPERTIES]) {
      for (const type of Object.keys(table)) {
        expect(type).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      }
    }
    for (const [type, required] of Object.entries(REQUIRED_SCREENED_FIELDS)) {
      for (const property of required) {
        const rule = FIELD_RULES[type]?.[property] ?? COMMON_FIELD_RULES[property];
        expect(rule?.treatment.kind).not.toBe('cleared');
      }
    }
  });
});

describe('README field-rule table', () => {
  it('matches the rules (regenerate: print renderFieldRulesTable() and paste it under "Field rules per property")', () => {
    const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const table = renderFieldRulesTable();
    if (!readme.includes(table)) {
      throw new Error(`libs/pii/README.md is out of date; the table is:\n${table}`);
    }
    expect(readme).toContain(table);
  });
});
