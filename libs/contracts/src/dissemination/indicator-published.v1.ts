import { IsInt, IsISO8601, IsObject, IsString, IsUUID, Min } from 'class-validator';
import type { StixObject } from '../common';
import { OpaqueJson } from '../opaque-json';

/**
 * One version of one STIX object, published to every appropriate federal entity at once.
 * Keyed by the STIX id so that all versions of an object stay in order on one partition.
 */
export class IndicatorPublishedV1 {
  @IsString()
  objectId!: string;

  /** The STIX `modified` (or `created`) of this version. */
  @IsISO8601({ strict: true })
  version!: string;

  @OpaqueJson()
  @IsObject()
  object!: StixObject;

  @IsUUID()
  submissionId!: string;

  /** The id the submitter used, when publication gave the object another one. */
  @IsString()
  sourceObjectId!: string;

  @IsInt()
  @Min(0)
  heldFieldCount!: number;
}
