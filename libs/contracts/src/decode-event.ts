import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { EVENT_CATALOG, isEventType } from './event-catalog';
import type { AnyEvent } from './build-event';
import { opaqueJsonProperties } from './opaque-json';
import { passesPayloadRules } from './payload-rules';
import { memoiseValidationMetadata } from './validation-metadata-cache';

memoiseValidationMetadata();

export enum EnvelopeErrorCode {
  NotJson = 'AIS_ENVELOPE_NOT_JSON',
  BadEnvelope = 'AIS_ENVELOPE_INVALID',
  UnknownType = 'AIS_ENVELOPE_UNKNOWN_TYPE',
  FutureSchemaVersion = 'AIS_ENVELOPE_FUTURE_SCHEMA_VERSION',
  UpcastFailed = 'AIS_ENVELOPE_UPCAST_FAILED',
  InvalidPayload = 'AIS_ENVELOPE_INVALID_PAYLOAD',
}

export type DecodeResult =
  | { readonly ok: true; readonly event: AnyEvent }
  | { readonly ok: false; readonly code: EnvelopeErrorCode; readonly reason: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads one record of the log: parses it, checks the envelope, upcasts the payload step by step to
 * the current schema version and validates it. Reasons name properties and rules, never values.
 */
export function decodeEvent(raw: Buffer | string): DecodeResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8'));
  } catch {
    return fail(EnvelopeErrorCode.NotJson, 'record value is not JSON');
  }
  const envelopeProblem = checkEnvelope(parsed);
  if (envelopeProblem !== null) {
    return fail(EnvelopeErrorCode.BadEnvelope, envelopeProblem);
  }
  const envelope = parsed as Record<string, unknown> & { type: string; schemaVersion: number; data: Record<string, unknown> };
  if (!isEventType(envelope.type)) {
    return fail(EnvelopeErrorCode.UnknownType, 'event type is not in the catalog');
  }
  const definition = EVENT_CATALOG[envelope.type];
  if (envelope.schemaVersion > definition.schemaVersion) {
    return fail(EnvelopeErrorCode.FutureSchemaVersion, `schemaVersion is newer than ${definition.schemaVersion}`);
  }
  let data = envelope.data;
  try {
    for (let version = envelope.schemaVersion; version < definition.schemaVersion; version++) {
      const step = definition.upcasters[version - 1];
      if (step === undefined) {
        return fail(EnvelopeErrorCode.UpcastFailed, `no upcaster from schemaVersion ${version}`);
      }
      data = step(data);
    }
  } catch {
    return fail(EnvelopeErrorCode.UpcastFailed, 'upcaster threw');
  }
  // The usual record passes the quick check; class-validator judges the rest, and says why.
  if (!passesPayloadRules(definition.payloadClass, data)) {
    let errors: ValidationError[];
    try {
      errors = validateSync(toPayloadInstance(definition.payloadClass, data), { forbidUnknownValues: true });
    } catch {
      // class-transformer throws on some JSON (a nested `"constructor": "…"`, very deep nesting): poison, not a retry.
      return fail(EnvelopeErrorCode.InvalidPayload, 'payload could not be read into its class');
    }
    if (errors.length > 0) {
      return fail(EnvelopeErrorCode.InvalidPayload, describe(errors));
    }
  }
  // The payload class instance keeps every property of the record; downstream reads plain data.
  return { ok: true, event: { ...envelope, schemaVersion: definition.schemaVersion, data } as unknown as AnyEvent };
}

/**
 * The payload class instance the validators check. `@OpaqueJson()` members skip class-transformer
 * and are set on the instance as the same references: copying them was most of a decode's cost.
 */
function toPayloadInstance(payloadClass: new () => object, data: Record<string, unknown>): object {
  const opaque = opaqueJsonProperties(payloadClass);
  if (opaque.length === 0) {
    return plainToInstance(payloadClass, data);
  }
  const typed = { ...data };
  for (const property of opaque) {
    delete typed[property];
  }
  const payload = plainToInstance(payloadClass, typed) as Record<string, unknown>;
  for (const property of opaque) {
    if (Object.hasOwn(data, property)) {
      payload[property] = data[property];
    }
  }
  return payload;
}

function checkEnvelope(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'envelope is not an object';
  }
  const e = value as Record<string, unknown>;
  if (typeof e.eventId !== 'string' || !UUID.test(e.eventId)) {return 'eventId must be a UUID';}
  if (typeof e.type !== 'string' || e.type.length === 0) {return 'type must be a non-empty string';}
  if (typeof e.schemaVersion !== 'number' || !Number.isInteger(e.schemaVersion) || e.schemaVersion < 1) {
    return 'schemaVersion must be a positive integer';
  }
  if (typeof e.key !== 'string' || e.key.length === 0) {return 'key must be a non-empty string';}
  if (typeof e.occurredAt !== 'string' || Number.isNaN(Date.parse(e.occurredAt))) {return 'occurredAt must be a timestamp';}
  if (typeof e.correlationId !== 'string' || e.correlationId.length === 0) {return 'correlationId must be a non-empty string';}
  if (e.causationId !== null && typeof e.causationId !== 'string') {return 'causationId must be a string or null';}
  if (typeof e.producer !== 'string' || e.producer.length === 0) {return 'producer must be a non-empty string';}
  if (typeof e.data !== 'object' || e.data === null || Array.isArray(e.data)) {return 'data must be an object';}
  return null;
}

function describe(errors: ValidationError[], prefix = ''): string {
  const parts: string[] = [];
  for (const error of errors) {
    const path = prefix === '' ? error.property : `${prefix}.${error.property}`;
    if (error.constraints) {
      parts.push(`${path}: ${Object.keys(error.constraints).join(', ')}`);
    }
    if (error.children && error.children.length > 0) {
      parts.push(describe(error.children, path));
    }
  }
  return parts.join('; ').slice(0, 1000);
}

function fail(code: EnvelopeErrorCode, reason: string): DecodeResult {
  return { ok: false, code, reason };
}
