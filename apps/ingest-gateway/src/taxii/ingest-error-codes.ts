import { TaxiiError } from '@ais/taxii';
import { HttpStatus } from '@nestjs/common';
import type { EnvelopeProblem } from '../submit/parse-envelope';

/** Errors of the ingest TAXII root; values are stable and appear as the TAXII error's `error_code`. */
export enum IngestErrorCode {
  UnknownCollection = 'AIS_TAXII_UNKNOWN_COLLECTION',
  UnknownStatus = 'AIS_TAXII_UNKNOWN_STATUS',
  UnknownEndpoint = 'AIS_TAXII_UNKNOWN_ENDPOINT',
  CollectionNotReadable = 'AIS_TAXII_COLLECTION_NOT_READABLE',
  CollectionNotWritable = 'AIS_TAXII_COLLECTION_NOT_WRITABLE',
  UnsupportedMediaType = 'AIS_TAXII_UNSUPPORTED_MEDIA_TYPE',
  PayloadTooLarge = 'AIS_TAXII_PAYLOAD_TOO_LARGE',
  BodyNotUtf8 = 'AIS_TAXII_BODY_NOT_UTF8',
  BodyNotJson = 'AIS_TAXII_BODY_NOT_JSON',
  JsonTooDeep = 'AIS_TAXII_JSON_TOO_DEEP',
  JsonTooManyValues = 'AIS_TAXII_JSON_TOO_MANY_VALUES',
  TooManyObjects = 'AIS_TAXII_TOO_MANY_OBJECTS',
  ForbiddenPropertyName = 'AIS_TAXII_FORBIDDEN_PROPERTY_NAME',
  NulCharacter = 'AIS_TAXII_JSON_NUL_CHARACTER',
  NotAnEnvelope = 'AIS_TAXII_NOT_AN_ENVELOPE',
  NoObjects = 'AIS_TAXII_NO_OBJECTS',
  Unavailable = 'AIS_TAXII_UNAVAILABLE',
}

export const INGEST_ERROR_STATUS: Record<IngestErrorCode, HttpStatus> = {
  [IngestErrorCode.UnknownCollection]: HttpStatus.NOT_FOUND,
  [IngestErrorCode.UnknownStatus]: HttpStatus.NOT_FOUND,
  [IngestErrorCode.UnknownEndpoint]: HttpStatus.NOT_FOUND,
  [IngestErrorCode.CollectionNotReadable]: HttpStatus.FORBIDDEN,
  [IngestErrorCode.CollectionNotWritable]: HttpStatus.FORBIDDEN,
  [IngestErrorCode.UnsupportedMediaType]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [IngestErrorCode.PayloadTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [IngestErrorCode.BodyNotUtf8]: HttpStatus.UNPROCESSABLE_ENTITY,
  [IngestErrorCode.BodyNotJson]: HttpStatus.UNPROCESSABLE_ENTITY,
  [IngestErrorCode.JsonTooDeep]: HttpStatus.UNPROCESSABLE_ENTITY,
  [IngestErrorCode.JsonTooManyValues]: HttpStatus.UNPROCESSABLE_ENTITY,
  [IngestErrorCode.TooManyObjects]: HttpStatus.UNPROCESSABLE_ENTITY,
  [IngestErrorCode.ForbiddenPropertyName]: HttpStatus.UNPROCESSABLE_ENTITY,
  [IngestErrorCode.NulCharacter]: HttpStatus.UNPROCESSABLE_ENTITY,
  [IngestErrorCode.NotAnEnvelope]: HttpStatus.UNPROCESSABLE_ENTITY,
  [IngestErrorCode.NoObjects]: HttpStatus.UNPROCESSABLE_ENTITY,
  [IngestErrorCode.Unavailable]: HttpStatus.SERVICE_UNAVAILABLE,
};

const TITLES: Partial<Record<HttpStatus, string>> = {
  [HttpStatus.FORBIDDEN]: 'Forbidden',
  [HttpStatus.NOT_FOUND]: 'Not Found',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'Payload Too Large',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'Unsupported Media Type',
  [HttpStatus.UNPROCESSABLE_ENTITY]: 'Unprocessable Entity',
};

/** A TAXII error with its code's status; `description` names the rule or limit, never a submitted value. */
export function ingestError(code: IngestErrorCode, description: string): TaxiiError {
  const status = INGEST_ERROR_STATUS[code];
  return new TaxiiError(status, TITLES[status] ?? 'Error', description, code);
}

/** The code of each reason an envelope is refused for. */
export function envelopeErrorCode(problem: EnvelopeProblem): IngestErrorCode {
  switch (problem) {
    case 'encoding':
      return IngestErrorCode.BodyNotUtf8;
    case 'syntax':
      return IngestErrorCode.BodyNotJson;
    case 'depth':
      return IngestErrorCode.JsonTooDeep;
    case 'values':
      return IngestErrorCode.JsonTooManyValues;
    case 'envelope-objects':
      return IngestErrorCode.TooManyObjects;
    case 'forbidden-key':
      return IngestErrorCode.ForbiddenPropertyName;
    case 'nul-character':
      return IngestErrorCode.NulCharacter;
    case 'not-an-object':
      return IngestErrorCode.NotAnEnvelope;
    case 'no-objects':
      return IngestErrorCode.NoObjects;
    default: {
      const unreachable: never = problem;
      return unreachable;
    }
  }
}
