import { observableObject } from './common-properties';
import type { JsonSchema } from './schema-parts';
import {
  IPV6_CIDR_FORMAT,
  dictionary,
  flag,
  hashes,
  identifier,
  identifierList,
  integerBetween,
  nonNegativeInteger,
  oneOfValues,
  requireOneOf,
  rule,
  text,
  textList,
  timestamp,
  uri,
} from './schema-parts';

/** STIX Cyber-observable Objects (STIX 2.1 §6). Target types of the refs are checked by rules. */

const OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
const IPV4_CIDR = `^(${OCTET}\\.){3}${OCTET}(/(3[0-2]|[12]?[0-9]))?$`;

const port = integerBetween(0, 65_535);

const fileTimes = { ctime: timestamp, mtime: timestamp, atime: timestamp };

/** "At least one property besides type": the object-specific properties, or extensions. */
function atLeastOne(subject: string, names: readonly string[]): JsonSchema {
  return rule(`${subject} has at least one of its own properties or extensions`, { anyOf: requireOneOf([...names, 'extensions']) });
}

const PROCESS_PROPERTIES = {
  is_hidden: flag,
  pid: { type: 'integer' },
  created_time: timestamp,
  cwd: text,
  command_line: text,
  environment_variables: dictionary(text),
  opened_connection_refs: identifierList,
  creator_user_ref: identifier,
  image_ref: identifier,
  parent_ref: identifier,
  child_refs: identifierList,
};

const X509_PROPERTIES = {
  is_self_signed: flag,
  hashes,
  version: text,
  serial_number: text,
  signature_algorithm: text,
  issuer: text,
  validity_not_before: timestamp,
  validity_not_after: timestamp,
  subject: text,
  subject_public_key_algorithm: text,
  subject_public_key_modulus: text,
  subject_public_key_exponent: { type: 'integer' },
  x509_v3_extensions: { type: 'object' },
};

const mimePart: JsonSchema = {
  type: 'object',
  properties: { body: text, body_raw_ref: identifier, content_type: text, content_disposition: text },
  allOf: [rule('a MIME part has exactly one of body and body_raw_ref', { oneOf: requireOneOf(['body', 'body_raw_ref']) })],
};

export const OBSERVABLE_OBJECT_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  artifact: observableObject('artifact', {
    properties: {
      mime_type: text,
      payload_bin: { type: 'string', format: 'byte', description: 'base64 text' },
      url: uri,
      hashes,
      encryption_algorithm: oneOfValues(['AES-256-GCM', 'ChaCha20-Poly1305', 'mime-type-indicated']),
      decryption_key: text,
    },
    dependentRequired: { url: ['hashes'], decryption_key: ['encryption_algorithm'] },
    rules: [rule('an artifact has exactly one of payload_bin and url', { oneOf: requireOneOf(['payload_bin', 'url']) })],
  }),

  'autonomous-system': observableObject('autonomous-system', {
    required: ['number'],
    properties: { number: nonNegativeInteger, name: text, rir: text },
  }),

  directory: observableObject('directory', {
    required: ['path'],
    properties: { path: text, path_enc: text, ...fileTimes, contains_refs: identifierList },
  }),

  'domain-name': observableObject('domain-name', {
    required: ['value'],
    properties: { value: text, resolves_to_refs: identifierList },
  }),

  'email-addr': observableObject('email-addr', {
    required: ['value'],
    properties: { value: text, display_name: text, belongs_to_ref: identifier },
  }),

  'email-message': observableObject('email-message', {
    required: ['is_multipart'],
    properties: {
      is_multipart: flag,
      date: timestamp,
      content_type: text,
      from_ref: identifier,
      sender_ref: identifier,
      to_refs: identifierList,
      cc_refs: identifierList,
      bcc_refs: identifierList,
      message_id: text,
      subject: text,
      received_lines: textList,
      additional_header_fields: dictionary({ anyOf: [text, { type: 'array', minItems: 1, items: text }] }),
      body: text,
      body_multipart: { type: 'array', minItems: 1, items: mimePart },
      raw_email_ref: identifier,
    },
    rules: [
      rule('a multipart email message (is_multipart true) has body_multipart, not body', {
        if: { properties: { is_multipart: { const: true } }, required: ['is_multipart'] },
        then: { not: { required: ['body'] } },
      }),
      rule('an email message that is not multipart has body, not body_multipart', {
        if: { properties: { is_multipart: { const: false } }, required: ['is_multipart'] },
        then: { not: { required: ['body_multipart'] } },
      }),
    ],
  }),

  file: observableObject('file', {
    properties: {
      hashes,
      size: nonNegativeInteger,
      name: text,
      name_enc: text,
      magic_number_hex: { type: 'string', pattern: '^([0-9a-fA-F]{2})+$', description: 'pairs of hex digits' },
      mime_type: text,
      ...fileTimes,
      parent_directory_ref: identifier,
      contains_refs: identifierList,
      content_ref: identifier,
    },
    rules: [rule('a file has hashes or name', { anyOf: requireOneOf(['hashes', 'name']) })],
  }),

  'ipv4-addr': observableObject('ipv4-addr', {
    required: ['value'],
    properties: {
      value: { type: 'string', pattern: IPV4_CIDR, description: 'an IPv4 address, optionally with a CIDR prefix length' },
      resolves_to_refs: identifierList,
      belongs_to_refs: identifierList,
    },
  }),

  'ipv6-addr': observableObject('ipv6-addr', {
    required: ['value'],
    properties: {
      value: { type: 'string', format: IPV6_CIDR_FORMAT, description: 'an IPv6 address, optionally with a CIDR prefix length' },
      resolves_to_refs: identifierList,
      belongs_to_refs: identifierList,
    },
  }),

  'mac-addr': observableObject('mac-addr', {
    required: ['value'],
    properties: {
      value: { type: 'string', pattern: '^([0-9a-f]{2}:){5}[0-9a-f]{2}$', description: 'a lowercase, colon-separated MAC-48 address' },
    },
  }),

  mutex: observableObject('mutex', {
    required: ['name'],
    properties: { name: text },
  }),

  'network-traffic': observableObject('network-traffic', {
    required: ['protocols'],
    properties: {
      start: timestamp,
      end: timestamp,
      is_active: flag,
      src_ref: identifier,
      dst_ref: identifier,
      src_port: port,
      dst_port: port,
      protocols: textList,
      src_byte_count: nonNegativeInteger,
      dst_byte_count: nonNegativeInteger,
      src_packets: nonNegativeInteger,
      dst_packets: nonNegativeInteger,
      ipfix: dictionary(),
      src_payload_ref: identifier,
      dst_payload_ref: identifier,
      encapsulates_refs: identifierList,
      encapsulated_by_ref: identifier,
    },
    rules: [
      rule('network traffic has src_ref or dst_ref', { anyOf: requireOneOf(['src_ref', 'dst_ref']) }),
      rule('active network traffic (is_active true) has no end', {
        if: { properties: { is_active: { const: true } }, required: ['is_active'] },
        then: { not: { required: ['end'] } },
      }),
    ],
  }),

  process: observableObject('process', {
    properties: PROCESS_PROPERTIES,
    rules: [atLeastOne('a process', Object.keys(PROCESS_PROPERTIES))],
  }),

  software: observableObject('software', {
    required: ['name'],
    properties: { name: text, cpe: text, swid: text, languages: textList, vendor: text, version: text },
  }),

  url: observableObject('url', {
    required: ['value'],
    properties: { value: text },
    rules: [
      // A defanged URL ("hxxp://example[.]com") is no longer an RFC 3986 URI, by design.
      { if: { properties: { defanged: { const: true } }, required: ['defanged'] }, else: { properties: { value: uri } } },
    ],
  }),

  'user-account': observableObject('user-account', {
    properties: {
      user_id: text,
      credential: text,
      account_login: text,
      account_type: text,
      display_name: text,
      is_service_account: flag,
      is_privileged: flag,
      can_escalate_privs: flag,
      is_disabled: flag,
      account_created: timestamp,
      account_expires: timestamp,
      credential_last_changed: timestamp,
      account_first_login: timestamp,
      account_last_login: timestamp,
    },
  }),

  'windows-registry-key': observableObject('windows-registry-key', {
    properties: {
      key: text,
      values: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          properties: {
            name: text,
            data: text,
            data_type: oneOfValues([
              'REG_NONE',
              'REG_SZ',
              'REG_EXPAND_SZ',
              'REG_BINARY',
              'REG_DWORD',
              'REG_DWORD_BIG_ENDIAN',
              'REG_DWORD_LITTLE_ENDIAN',
              'REG_LINK',
              'REG_MULTI_SZ',
              'REG_RESOURCE_LIST',
              'REG_FULL_RESOURCE_DESCRIPTION',
              'REG_RESOURCE_REQUIREMENTS_LIST',
              'REG_QWORD',
              'REG_INVALID_TYPE',
            ]),
          },
        },
      },
      modified_time: timestamp,
      creator_user_ref: identifier,
      number_of_subkeys: nonNegativeInteger,
    },
  }),

  'x509-certificate': observableObject('x509-certificate', {
    properties: X509_PROPERTIES,
    rules: [atLeastOne('an x509-certificate', Object.keys(X509_PROPERTIES))],
  }),
};
