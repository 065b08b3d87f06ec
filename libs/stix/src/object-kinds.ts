/** The families of STIX 2.1 objects; reference rules and the common properties depend on them. */
export type StixObjectKind = 'sdo' | 'sro' | 'sco' | 'meta' | 'custom';

export const SDO_TYPES = [
  'attack-pattern',
  'campaign',
  'course-of-action',
  'grouping',
  'identity',
  'incident',
  'indicator',
  'infrastructure',
  'intrusion-set',
  'location',
  'malware',
  'malware-analysis',
  'note',
  'observed-data',
  'opinion',
  'report',
  'threat-actor',
  'tool',
  'vulnerability',
] as const;

export const SRO_TYPES = ['relationship', 'sighting'] as const;

export const SCO_TYPES = [
  'artifact',
  'autonomous-system',
  'directory',
  'domain-name',
  'email-addr',
  'email-message',
  'file',
  'ipv4-addr',
  'ipv6-addr',
  'mac-addr',
  'mutex',
  'network-traffic',
  'process',
  'software',
  'url',
  'user-account',
  'windows-registry-key',
  'x509-certificate',
] as const;

/** Meta objects: neither domain, relationship nor observable. */
export const META_TYPES = ['marking-definition', 'language-content', 'extension-definition'] as const;

const KINDS = new Map<string, StixObjectKind>([
  ...SDO_TYPES.map((type) => [type, 'sdo'] as const),
  ...SRO_TYPES.map((type) => [type, 'sro'] as const),
  ...SCO_TYPES.map((type) => [type, 'sco'] as const),
  ...META_TYPES.map((type) => [type, 'meta'] as const),
]);

/**
 * The family of a type, `custom` for a well-formed `x-` type, `undefined` for anything else.
 * Custom type names follow the STIX rule: a-z, 0-9 and "-", 3 to 250 characters.
 */
export function objectKindOf(type: string): StixObjectKind | undefined {
  const kind = KINDS.get(type);
  if (kind !== undefined) {
    return kind;
  }
  return isCustomTypeName(type) ? 'custom' : undefined;
}

function isCustomTypeName(type: string): boolean {
  if (type.length < 3 || type.length > 250 || !type.startsWith('x-')) {
    return false;
  }
  for (let index = 2; index < type.length; index++) {
    const code = type.charCodeAt(index);
    const allowed = (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x2d;
    if (!allowed) {
      return false;
    }
  }
  return true;
}
