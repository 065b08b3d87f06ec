import type { StixObjectKind } from '../object-kinds';
import { objectKindOf } from '../object-kinds';

/** Which object types a `*_ref` / `*_refs` property may point at. */
export interface ReferenceTarget {
  /** For messages: "an identity", "an SDO or SCO". */
  readonly description: string;
  readonly accepts: (type: string) => boolean;
}

/**
 * A reference property and where it sits: `path` walks from the object, `*` stepping into every
 * list item (`granular_markings/*\/marking_ref`). `many`: the property holds a list of identifiers.
 */
export interface ReferenceSpec {
  readonly path: readonly string[];
  readonly many: boolean;
  readonly target: ReferenceTarget;
}

function types(description: string, ...names: string[]): ReferenceTarget {
  const allowed = new Set(names);
  return { description, accepts: (type) => allowed.has(type) };
}

function kinds(description: string, ...allowed: StixObjectKind[]): ReferenceTarget {
  return {
    description,
    accepts: (type) => {
      const kind = objectKindOf(type);
      return kind !== undefined && allowed.includes(kind);
    },
  };
}

const IDENTITY = types('an identity', 'identity');
const MARKING = types('a marking-definition', 'marking-definition');
const ANY_OBJECT: ReferenceTarget = { description: 'any STIX object', accepts: () => true };
// Custom (`x-`) types may be custom SDOs or SCOs; they are accepted wherever either is.
const SDO_OR_SCO = kinds('an SDO or SCO', 'sdo', 'sco', 'custom');
const SDO = kinds('an SDO', 'sdo', 'custom');
const SCO = kinds('an SCO', 'sco', 'custom');
const SCO_OR_SRO = kinds('an SCO or SRO', 'sco', 'sro', 'custom');
const ADDRESS = types('an ipv4-addr, ipv6-addr, mac-addr or domain-name', 'ipv4-addr', 'ipv6-addr', 'mac-addr', 'domain-name');
const EMAIL_ADDR = types('an email-addr', 'email-addr');
const ARTIFACT = types('an artifact', 'artifact');
const USER_ACCOUNT = types('a user-account', 'user-account');
const SOFTWARE = types('a software', 'software');
const NETWORK_TRAFFIC = types('a network-traffic', 'network-traffic');
const PROCESS = types('a process', 'process');
const FILE = types('a file', 'file');
const FILE_OR_DIRECTORY = types('a file or directory', 'file', 'directory');
const MAC_ADDR = types('a mac-addr', 'mac-addr');
const AUTONOMOUS_SYSTEM = types('an autonomous-system', 'autonomous-system');

function one(path: string, target: ReferenceTarget): ReferenceSpec {
  return { path: path.split('/'), many: false, target };
}

function many(path: string, target: ReferenceTarget): ReferenceSpec {
  return { path: path.split('/'), many: true, target };
}

/** On every object that carries them. */
export const COMMON_REFERENCES: readonly ReferenceSpec[] = [
  one('created_by_ref', IDENTITY),
  many('object_marking_refs', MARKING),
  one('granular_markings/*/marking_ref', MARKING),
];

/** Per object type, from the property tables of STIX 2.1 §4–§7. */
export const TYPE_REFERENCES: Readonly<Record<string, readonly ReferenceSpec[]>> = {
  grouping: [many('object_refs', ANY_OBJECT)],
  malware: [many('sample_refs', types('a file or artifact', 'file', 'artifact')), many('operating_system_refs', SOFTWARE)],
  'malware-analysis': [
    one('host_vm_ref', SOFTWARE),
    one('operating_system_ref', SOFTWARE),
    many('installed_software_refs', SOFTWARE),
    many('analysis_sco_refs', SCO),
    one('sample_ref', types('a file, artifact or network-traffic', 'file', 'artifact', 'network-traffic')),
  ],
  note: [many('object_refs', ANY_OBJECT)],
  'observed-data': [many('object_refs', SCO_OR_SRO)],
  opinion: [many('object_refs', ANY_OBJECT)],
  report: [many('object_refs', ANY_OBJECT)],

  relationship: [one('source_ref', SDO_OR_SCO), one('target_ref', SDO_OR_SCO)],
  sighting: [
    one('sighting_of_ref', SDO),
    many('observed_data_refs', types('an observed-data', 'observed-data')),
    many('where_sighted_refs', types('an identity or location', 'identity', 'location')),
  ],

  directory: [many('contains_refs', FILE_OR_DIRECTORY)],
  'domain-name': [many('resolves_to_refs', types('an ipv4-addr, ipv6-addr or domain-name', 'ipv4-addr', 'ipv6-addr', 'domain-name'))],
  'email-addr': [one('belongs_to_ref', USER_ACCOUNT)],
  'email-message': [
    one('from_ref', EMAIL_ADDR),
    one('sender_ref', EMAIL_ADDR),
    many('to_refs', EMAIL_ADDR),
    many('cc_refs', EMAIL_ADDR),
    many('bcc_refs', EMAIL_ADDR),
    one('raw_email_ref', ARTIFACT),
    one('body_multipart/*/body_raw_ref', types('an artifact or file', 'artifact', 'file')),
  ],
  file: [
    one('parent_directory_ref', types('a directory', 'directory')),
    many('contains_refs', SCO),
    one('content_ref', ARTIFACT),
    many('extensions/archive-ext/contains_refs', FILE_OR_DIRECTORY),
  ],
  'ipv4-addr': [many('resolves_to_refs', MAC_ADDR), many('belongs_to_refs', AUTONOMOUS_SYSTEM)],
  'ipv6-addr': [many('resolves_to_refs', MAC_ADDR), many('belongs_to_refs', AUTONOMOUS_SYSTEM)],
  'network-traffic': [
    one('src_ref', ADDRESS),
    one('dst_ref', ADDRESS),
    one('src_payload_ref', ARTIFACT),
    one('dst_payload_ref', ARTIFACT),
    many('encapsulates_refs', NETWORK_TRAFFIC),
    one('encapsulated_by_ref', NETWORK_TRAFFIC),
    one('extensions/http-request-ext/message_body_data_ref', ARTIFACT),
  ],
  process: [
    many('opened_connection_refs', NETWORK_TRAFFIC),
    one('creator_user_ref', USER_ACCOUNT),
    one('image_ref', FILE),
    one('parent_ref', PROCESS),
    many('child_refs', PROCESS),
    many('extensions/windows-service-ext/service_dll_refs', FILE),
  ],
  'windows-registry-key': [one('creator_user_ref', USER_ACCOUNT)],

  'language-content': [one('object_ref', ANY_OBJECT)],
};

/** Extension names that appear in reference paths, and so may appear in error paths. */
export const REFERENCE_PATH_NAMES: readonly string[] = [
  'archive-ext',
  'http-request-ext',
  'windows-service-ext',
  'contains_refs',
  'message_body_data_ref',
  'service_dll_refs',
];

/**
 * The four TLP 1.0 marking definitions of STIX 2.1 §7.2.1.4, by colour. Every consumer knows them,
 * so a bundle need not carry them for its references to resolve.
 */
export const TLP_MARKING_IDS: Readonly<Record<string, string>> = {
  white: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
  green: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
  amber: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
  red: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed',
};
