/**
 * Directly related vs incidental, as data: what the engine does with each STIX 2.1 property.
 *
 * | Treatment | Meaning | Examples |
 * |---|---|---|
 * | `cleared` | schema-restricted or vocabulary: passes without screening, provided the value has the expected shape (a value that does not is screened instead) | `id`, `*_ref(s)`, timestamps, `pattern_type`, `indicator_types`, hashes |
 * | `actor-side` | part of the threat: passes even when it looks like personal data | `domain-name.value`, `ipv4-addr.value`, `malware.name`, `threat-actor.aliases`, `email-message.message_id` |
 * | `actor-side-if-referenced` | passes when the value is one the indicator patterns match, or the object is referenced from the threat side (the sender of a phishing mail); otherwise `screened` or `review` | `email-addr.value`, `url.value`, `user-account.user_id` |
 * | `screened` | victim/reporter side or free text: every detector runs; held when one fires | `description`, `note.content`, `opinion.explanation`, `identity.contact_information`, `email-message.body`, `x_*` |
 * | `review` | identifies a person by definition, or cannot be screened as text: always held | `user-account.credential`, `note.authors`, `location.street_address`, `artifact.payload_bin`, the `name` of an individual identity |
 *
 * Properties not listed are screened (never auto-released). Paths use `.` between keys, `[]` for
 * array elements and `*` for any one key; a rule on a property covers everything beneath it.
 */
import type { StixObject } from '../types';

export type ClearedShape = 'identifier' | 'timestamp' | 'vocabulary' | 'hash' | 'token' | 'structural';

export type FieldTreatment =
  | { readonly kind: 'cleared'; readonly shape: ClearedShape }
  | { readonly kind: 'actor-side' }
  | { readonly kind: 'actor-side-if-referenced'; readonly otherwise: 'screened' | 'review' }
  | { readonly kind: 'screened' }
  | { readonly kind: 'review' };

export interface FieldRule {
  readonly treatment: FieldTreatment;
  /** Why: shown in the README table and in review tasks. */
  readonly basis: string;
}

export type FieldRuleTable = Readonly<Record<string, FieldRule>>;

const cleared = (shape: ClearedShape, basis: string): FieldRule => ({ treatment: { kind: 'cleared', shape }, basis });
const actor = (basis: string): FieldRule => ({ treatment: { kind: 'actor-side' }, basis });
const actorIfReferenced = (otherwise: 'screened' | 'review', basis: string): FieldRule => ({
  treatment: { kind: 'actor-side-if-referenced', otherwise },
  basis,
});
const screened = (basis: string): FieldRule => ({ treatment: { kind: 'screened' }, basis });
const review = (basis: string): FieldRule => ({ treatment: { kind: 'review' }, basis });

const ID = cleared('identifier', 'STIX identifier');
const REFS = cleared('identifier', 'references to other objects (screened where they point)');
const TS = cleared('timestamp', 'timestamp');
const VOCAB = cleared('vocabulary', 'STIX vocabulary term');
const HASHES = cleared('hash', 'hash values');
const TOKEN = cleared('token', 'schema-restricted token (no white space, no @)');
const NUMBER = cleared('structural', 'number or boolean');
const FREE_TEXT = screened('free text');
const NAMES_OF_PEOPLE = review('names of people by definition (analysts, authors)');

/** Properties every object may have (STIX 2.1 §3.2, §3.3, §3.6 extensions). */
export const COMMON_FIELD_RULES: FieldRuleTable = {
  type: VOCAB,
  spec_version: TOKEN,
  id: ID,
  created_by_ref: REFS,
  created: TS,
  modified: TS,
  revoked: NUMBER,
  confidence: NUMBER,
  lang: TOKEN,
  defanged: NUMBER,
  labels: screened('open strings chosen by the producer'),
  object_marking_refs: REFS,
  granular_markings: cleared('token', 'marking references and selectors'),
  'external_references[].source_name': FREE_TEXT,
  'external_references[].description': FREE_TEXT,
  'external_references[].url': screened('citation URLs carry query parameters'),
  'external_references[].external_id': cleared('token', 'external identifier (ATT&CK, CVE, CAPEC)'),
  'external_references[].hashes': HASHES,
  object_refs: REFS,
  sample_refs: REFS,
  'extensions.*.extension_type': VOCAB,
  kill_chain_phases: cleared('vocabulary', 'kill chain names and phases'),
  first_seen: TS,
  last_seen: TS,
  hashes: HASHES,
};

const SDO_NAMED_THREAT = {
  name: actor('the threat’s own name'),
  aliases: actor('the threat’s other names'),
  description: FREE_TEXT,
};

/** Per-type rules; they take precedence over the common ones. */
export const FIELD_RULES: Readonly<Record<string, FieldRuleTable>> = {
  // --- STIX Domain Objects -----------------------------------------------------------------------
  'attack-pattern': { ...SDO_NAMED_THREAT },
  campaign: { ...SDO_NAMED_THREAT, objective: FREE_TEXT },
  'course-of-action': { name: FREE_TEXT, description: FREE_TEXT, action_type: VOCAB, action_reference: FREE_TEXT, action_bin: review('binary content') },
  grouping: { name: FREE_TEXT, description: FREE_TEXT, context: VOCAB },
  identity: {
    name: FREE_TEXT,
    description: FREE_TEXT,
    roles: FREE_TEXT,
    identity_class: VOCAB,
    sectors: VOCAB,
    contact_information: screened('contact details of the identity'),
  },
  incident: { name: FREE_TEXT, description: FREE_TEXT },
  indicator: {
    name: FREE_TEXT,
    description: FREE_TEXT,
    indicator_types: VOCAB,
    pattern: screened('pattern text; values the pattern matches are actor-side'),
    pattern_type: VOCAB,
    pattern_version: TOKEN,
    valid_from: TS,
    valid_until: TS,
  },
  infrastructure: { ...SDO_NAMED_THREAT, infrastructure_types: VOCAB },
  'intrusion-set': { ...SDO_NAMED_THREAT, goals: FREE_TEXT, resource_level: VOCAB, primary_motivation: VOCAB, secondary_motivations: VOCAB },
  location: {
    name: FREE_TEXT,
    description: FREE_TEXT,
    latitude: review('precise coordinates can locate a person'),
    longitude: review('precise coordinates can locate a person'),
    precision: NUMBER,
    region: VOCAB,
    country: TOKEN,
    administrative_area: FREE_TEXT,
    city: FREE_TEXT,
    street_address: review('a street address by definition'),
    postal_code: FREE_TEXT,
  },
  malware: {
    ...SDO_NAMED_THREAT,
    malware_types: VOCAB,
    is_family: NUMBER,
    operating_system_refs: REFS,
    architecture_execution_envs: VOCAB,
    implementation_languages: VOCAB,
    capabilities: VOCAB,
  },
  'malware-analysis': {
    product: actor('analysis product name'),
    version: TOKEN,
    host_vm_ref: REFS,
    operating_system_ref: REFS,
    installed_software_refs: REFS,
    configuration_version: TOKEN,
    modules: TOKEN,
    analysis_engine_version: TOKEN,
    analysis_definition_version: TOKEN,
    submitted: TS,
    analysis_started: TS,
    analysis_ended: TS,
    result_name: actor('the analysis result (a malware name)'),
    result: VOCAB,
    analysis_sco_refs: REFS,
    sample_ref: REFS,
  },
  note: { abstract: FREE_TEXT, content: FREE_TEXT, authors: NAMES_OF_PEOPLE },
  'observed-data': { first_observed: TS, last_observed: TS, number_observed: NUMBER, objects: screened('deprecated embedded observables') },
  opinion: { explanation: FREE_TEXT, authors: NAMES_OF_PEOPLE, opinion: VOCAB },
  report: { name: FREE_TEXT, description: FREE_TEXT, report_types: VOCAB, published: TS },
  'threat-actor': {
    ...SDO_NAMED_THREAT,
    threat_actor_types: VOCAB,
    roles: VOCAB,
    goals: FREE_TEXT,
    sophistication: VOCAB,
    resource_level: VOCAB,
    primary_motivation: VOCAB,
    secondary_motivations: VOCAB,
    personal_motivations: VOCAB,
  },
  tool: { ...SDO_NAMED_THREAT, tool_types: VOCAB, tool_version: TOKEN },
  vulnerability: { name: actor('vulnerability name (CVE)'), description: FREE_TEXT },

  // --- STIX Relationship Objects -----------------------------------------------------------------
  relationship: { relationship_type: VOCAB, description: FREE_TEXT, source_ref: REFS, target_ref: REFS, start_time: TS, stop_time: TS },
  sighting: {
    description: FREE_TEXT,
    count: NUMBER,
    sighting_of_ref: REFS,
    observed_data_refs: REFS,
    where_sighted_refs: REFS,
    summary: NUMBER,
  },

  // --- STIX Cyber-observable Objects ---------------------------------------------------------------
  artifact: {
    mime_type: TOKEN,
    payload_bin: review('binary content cannot be screened as text'),
    url: FREE_TEXT,
    encryption_algorithm: VOCAB,
    decryption_key: FREE_TEXT,
  },
  'autonomous-system': { number: NUMBER, name: actor('network operator name'), rir: TOKEN },
  directory: { path: screened('paths carry user names'), path_enc: TOKEN, ctime: TS, mtime: TS, atime: TS, contains_refs: REFS },
  'domain-name': { value: actor('domain of the threat infrastructure'), resolves_to_refs: REFS },
  'email-addr': {
    value: actorIfReferenced('screened', 'sender addresses are the threat; recipients are victims'),
    display_name: actorIfReferenced('screened', 'display name of the address holder'),
    belongs_to_ref: REFS,
  },
  'email-message': {
    is_multipart: NUMBER,
    date: TS,
    content_type: TOKEN,
    from_ref: REFS,
    sender_ref: REFS,
    to_refs: REFS,
    cc_refs: REFS,
    bcc_refs: REFS,
    message_id: actor('identifier of the malicious message'),
    subject: FREE_TEXT,
    received_lines: screened('relay lines name recipients and internal hosts'),
    additional_header_fields: screened('headers carry recipients and tokens'),
    body: screened('message body'),
    'body_multipart[].body': screened('message body part'),
    'body_multipart[].content_type': TOKEN,
    'body_multipart[].content_disposition': FREE_TEXT,
    'body_multipart[].body_raw_ref': REFS,
    raw_email_ref: REFS,
  },
  file: {
    size: NUMBER,
    name: screened('file names carry personal names (CVs, payslips)'),
    name_enc: TOKEN,
    magic_number_hex: TOKEN,
    mime_type: TOKEN,
    ctime: TS,
    mtime: TS,
    atime: TS,
    parent_directory_ref: REFS,
    contains_refs: REFS,
    content_ref: REFS,
    'extensions.ntfs-ext.sid': TOKEN,
    'extensions.ntfs-ext.alternate_data_streams[].hashes': HASHES,
    'extensions.ntfs-ext.alternate_data_streams[].size': NUMBER,
    'extensions.raster-image-ext': screened('EXIF tags carry owners and GPS positions'),
    'extensions.pdf-ext.version': TOKEN,
    'extensions.pdf-ext.is_optimized': NUMBER,
    'extensions.pdf-ext.pdfid0': TOKEN,
    'extensions.pdf-ext.pdfid1': TOKEN,
    'extensions.pdf-ext.document_info_dict': screened('PDF Author, Creator fields'),
    'extensions.archive-ext.contains_refs': REFS,
    'extensions.archive-ext.comment': FREE_TEXT,
    'extensions.windows-pebinary-ext': cleared('token', 'PE header fields'),
  },
  'ipv4-addr': { value: actor('address of the threat infrastructure (reserved ranges are nuisance)'), resolves_to_refs: REFS, belongs_to_refs: REFS },
  'ipv6-addr': { value: actor('address of the threat infrastructure (reserved ranges are nuisance)'), resolves_to_refs: REFS, belongs_to_refs: REFS },
  'mac-addr': { value: actorIfReferenced('review', 'a device identifier unless the pattern names it') },
  mutex: { name: actor('mutex created by the malware') },
  'network-traffic': {
    start: TS,
    end: TS,
    is_active: NUMBER,
    src_ref: REFS,
    dst_ref: REFS,
    src_port: NUMBER,
    dst_port: NUMBER,
    protocols: VOCAB,
    src_byte_count: NUMBER,
    dst_byte_count: NUMBER,
    src_packets: NUMBER,
    dst_packets: NUMBER,
    ipfix: TOKEN,
    src_payload_ref: REFS,
    dst_payload_ref: REFS,
    encapsulates_refs: REFS,
    encapsulated_by_ref: REFS,
    'extensions.http-request-ext.request_method': TOKEN,
    'extensions.http-request-ext.request_value': screened('request target with query string'),
    'extensions.http-request-ext.request_version': TOKEN,
    'extensions.http-request-ext.request_header': screened('Cookie and Authorization headers'),
    'extensions.http-request-ext.message_body_length': NUMBER,
    'extensions.http-request-ext.message_body_data_ref': REFS,
    'extensions.icmp-ext': TOKEN,
    'extensions.tcp-ext': TOKEN,
    'extensions.socket-ext': TOKEN,
  },
  process: {
    is_hidden: NUMBER,
    pid: NUMBER,
    created_time: TS,
    cwd: screened('working directory carries user names'),
    command_line: screened('command lines carry user names and passwords'),
    environment_variables: screened('USERNAME, USERPROFILE, tokens'),
    opened_connection_refs: REFS,
    creator_user_ref: REFS,
    image_ref: REFS,
    parent_ref: REFS,
    child_refs: REFS,
    'extensions.windows-process-ext.aslr_enabled': NUMBER,
    'extensions.windows-process-ext.dep_enabled': NUMBER,
    'extensions.windows-process-ext.priority': TOKEN,
    'extensions.windows-process-ext.owner_sid': TOKEN,
    'extensions.windows-process-ext.integrity_level': VOCAB,
    'extensions.windows-service-ext.start_type': VOCAB,
    'extensions.windows-service-ext.service_type': VOCAB,
    'extensions.windows-service-ext.service_status': VOCAB,
    'extensions.windows-service-ext.service_dll_refs': REFS,
  },
  software: { name: actor('product name'), cpe: TOKEN, swid: TOKEN, languages: TOKEN, vendor: actor('vendor name'), version: TOKEN },
  url: { value: actorIfReferenced('screened', 'malicious URL; query parameters may carry victim data') },
  'user-account': {
    user_id: actorIfReferenced('review', 'identifies an account holder unless it is the attacker’s'),
    account_login: actorIfReferenced('review', 'identifies an account holder unless it is the attacker’s'),
    display_name: actorIfReferenced('review', 'names the account holder unless it is the attacker’s'),
    credential: review('a cleartext credential'),
    account_type: VOCAB,
    is_service_account: NUMBER,
    is_privileged: NUMBER,
    can_escalate_privs: NUMBER,
    is_disabled: NUMBER,
    account_created: TS,
    account_expires: TS,
    credential_last_changed: TS,
    account_first_login: TS,
    account_last_login: TS,
    'extensions.unix-account-ext.gid': NUMBER,
    'extensions.unix-account-ext.groups': FREE_TEXT,
    'extensions.unix-account-ext.home_dir': screened('home directories carry user names'),
    'extensions.unix-account-ext.shell': TOKEN,
  },
  'windows-registry-key': {
    key: screened('keys under HKEY_USERS or profile paths carry user names'),
    'values[].name': FREE_TEXT,
    'values[].data': FREE_TEXT,
    'values[].data_type': VOCAB,
    modified_time: TS,
    creator_user_ref: REFS,
    number_of_subkeys: NUMBER,
  },
  'x509-certificate': {
    is_self_signed: NUMBER,
    version: TOKEN,
    serial_number: TOKEN,
    signature_algorithm: TOKEN,
    issuer: actorIfReferenced('screened', 'CN= and E= name a person on victim certificates'),
    subject: actorIfReferenced('screened', 'CN= and E= name a person on victim certificates'),
    validity_not_before: TS,
    validity_not_after: TS,
    subject_public_key_algorithm: TOKEN,
    subject_public_key_modulus: TOKEN,
    subject_public_key_exponent: NUMBER,
    x509_v3_extensions: screened('subject alternative names carry e-mail addresses'),
  },

  // --- Meta objects --------------------------------------------------------------------------------
  'language-content': { object_ref: REFS, object_modified: TS, contents: screened('translations of screened text') },
  'marking-definition': { name: FREE_TEXT, definition_type: VOCAB, 'definition.tlp': VOCAB, 'definition.statement': FREE_TEXT },
  'extension-definition': {
    name: FREE_TEXT,
    description: FREE_TEXT,
    schema: FREE_TEXT,
    version: TOKEN,
    extension_types: VOCAB,
    extension_properties: TOKEN,
  },
};

/** The rule for properties nobody listed, custom `x_*` properties included: screen, never auto-release. */
export const DEFAULT_FIELD_RULE: FieldRule = screened('not classified: unknown and custom properties are screened');

/**
 * Object-dependent exceptions: an individual's identity is named by its `name` — and so may be an
 * identity that does not say what it is (`identity_class` is optional, or was pruned).
 */
const INDIVIDUAL_IDENTITY: FieldRuleTable = {
  name: review('the name of an individual identity'),
};

export function objectRuleOverrides(object: StixObject): FieldRuleTable | undefined {
  return object.type === 'identity' && (object.identity_class === 'individual' || object.identity_class === undefined) ? INDIVIDUAL_IDENTITY : undefined;
}

/**
 * Required properties (STIX 2.1) that the engine screens: a held one is replaced by the
 * placeholder text instead of being removed, so the object stays valid.
 */
export const REQUIRED_SCREENED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'course-of-action': ['name'],
  identity: ['name'],
  incident: ['name'],
  indicator: ['pattern'],
  note: ['content'],
  report: ['name'],
  grouping: [],
  directory: ['path'],
  'email-addr': ['value'],
  url: ['value'],
  'mac-addr': ['value'],
  'marking-definition': [],
  'language-content': ['contents'],
};

/**
 * SCO properties their deterministic UUIDv5 id is computed from (STIX 2.1 §6, "ID Contributing
 * Properties"). Changing one changes the object's id: see `rewriteReferences`.
 */
export const ID_CONTRIBUTING_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  artifact: ['hashes', 'payload_bin'],
  'autonomous-system': ['number'],
  directory: ['path'],
  'domain-name': ['value'],
  'email-addr': ['value'],
  'email-message': ['from_ref', 'subject', 'body'],
  file: ['hashes', 'name', 'extensions', 'parent_directory_ref'],
  'ipv4-addr': ['value'],
  'ipv6-addr': ['value'],
  'mac-addr': ['value'],
  mutex: ['name'],
  'network-traffic': ['start', 'end', 'src_ref', 'dst_ref', 'src_port', 'dst_port', 'protocols', 'extensions'],
  software: ['name', 'cpe', 'swid', 'vendor', 'version'],
  url: ['value'],
  'user-account': ['account_type', 'user_id', 'account_login'],
  'windows-registry-key': ['key', 'values'],
  'x509-certificate': ['hashes', 'serial_number'],
};
