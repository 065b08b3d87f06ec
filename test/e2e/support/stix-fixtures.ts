import { randomUUID } from 'node:crypto';

/** TLP:GREEN; the AIS Profile requires a TLP marking on every object. */
export const TLP_GREEN = 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da';

/** Small valid STIX 2.1 objects of the kinds a participant submits. */
export function indicator(ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`): Record<string, unknown> {
  const now = new Date().toISOString();
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${randomUUID()}`,
    created: now,
    modified: now,
    name: 'Scanning host',
    pattern: `[ipv4-addr:value = '${ip}']`,
    pattern_type: 'stix',
    valid_from: now,
    indicator_types: ['malicious-activity'],
    object_marking_refs: [TLP_GREEN],
  };
}

export function malware(): Record<string, unknown> {
  const now = new Date().toISOString();
  return { type: 'malware', spec_version: '2.1', id: `malware--${randomUUID()}`, created: now, modified: now, name: 'Example loader', is_family: true, object_marking_refs: [TLP_GREEN] };
}

export function relationship(sourceRef: string, targetRef: string): Record<string, unknown> {
  const now = new Date().toISOString();
  return {
    type: 'relationship',
    spec_version: '2.1',
    id: `relationship--${randomUUID()}`,
    created: now,
    modified: now,
    relationship_type: 'indicates',
    source_ref: sourceRef,
    target_ref: targetRef,
    object_marking_refs: [TLP_GREEN],
  };
}
