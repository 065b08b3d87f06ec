/**
 * Checks one record of `ais.dissemination.published.v1` before anything trusts it. Standalone on
 * purpose: an agency copies this folder without the rest of the AIS Exchange repository.
 *
 * The envelope (ARCHITECTURE.md §3): `eventId`, `type`, `schemaVersion`, `key`, `occurredAt`,
 * `correlationId`, `causationId`, `producer`, `data`; `type`, `schemaVersion` and `eventId` are
 * also Kafka headers (`ais-type`, `ais-schema-version`, `ais-event-id`).
 */

/** One published version of one STIX object (`IndicatorPublished`, schema version 1). */
export interface PublishedVersion {
  readonly eventId: string;
  readonly objectId: string;
  /** The STIX `modified` (or `created`) of this version; for SCOs, when it was published. */
  readonly version: string;
  readonly object: Record<string, unknown> & { id: string; type: string };
}

/** Why a record was refused: a code, never a value from the record. */
export type Rejection =
  | 'not-json'
  | 'bad-envelope'
  | 'unexpected-type'
  | 'unknown-schema-version'
  | 'header-mismatch'
  | 'key-mismatch'
  | 'bad-object'
  | 'bad-version';

export type Verified = { readonly ok: true; readonly version: PublishedVersion } | { readonly ok: false; readonly rejection: Rejection };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** STIX and TAXII timestamps: RFC 3339, UTC, any fraction of a second. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const STIX_ID = /^[a-z0-9][a-z0-9-]*--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The only schema version of `IndicatorPublished` this subscriber understands. */
const SCHEMA_VERSION = 1;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function headerText(value: Buffer | string | (Buffer | string)[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

export interface RawRecord {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers?: Record<string, Buffer | string | (Buffer | string)[] | undefined>;
}

export function verifyEnvelope(record: RawRecord): Verified {
  const fail = (rejection: Rejection): Verified => ({ ok: false, rejection });
  let parsed: unknown;
  try {
    parsed = JSON.parse(record.value?.toString('utf8') ?? '');
  } catch {
    return fail('not-json');
  }
  if (!isRecord(parsed)) {
    return fail('bad-envelope');
  }
  const { eventId, type, schemaVersion, key, occurredAt, correlationId, causationId, producer, data } = parsed;
  if (
    typeof eventId !== 'string' ||
    !UUID.test(eventId) ||
    typeof type !== 'string' ||
    typeof schemaVersion !== 'number' ||
    typeof key !== 'string' ||
    typeof occurredAt !== 'string' ||
    Number.isNaN(Date.parse(occurredAt)) ||
    typeof correlationId !== 'string' ||
    (causationId !== null && typeof causationId !== 'string') ||
    typeof producer !== 'string' ||
    !isRecord(data)
  ) {
    return fail('bad-envelope');
  }
  if (type !== 'IndicatorPublished') {
    return fail('unexpected-type');
  }
  if (schemaVersion !== SCHEMA_VERSION) {
    return fail('unknown-schema-version');
  }
  const headers = record.headers ?? {};
  if (headerText(headers['ais-type']) !== type || headerText(headers['ais-event-id']) !== eventId || headerText(headers['ais-schema-version']) !== String(schemaVersion)) {
    return fail('header-mismatch');
  }
  const { objectId, version, object } = data;
  if (typeof objectId !== 'string' || record.key?.toString('utf8') !== key || key !== objectId) {
    return fail('key-mismatch');
  }
  if (!isRecord(object) || object.id !== objectId || typeof object.type !== 'string' || !STIX_ID.test(objectId) || !objectId.startsWith(`${object.type}--`)) {
    return fail('bad-object');
  }
  if (typeof version !== 'string' || !TIMESTAMP.test(version)) {
    return fail('bad-version');
  }
  // SDOs and SROs carry their version as `modified` (or `created` when never modified).
  const stated = typeof object.modified === 'string' ? object.modified : object.created;
  if (stated !== undefined && stated !== version) {
    return fail('bad-version');
  }
  return { ok: true, version: { eventId, objectId, version, object: object as PublishedVersion['object'] } };
}
