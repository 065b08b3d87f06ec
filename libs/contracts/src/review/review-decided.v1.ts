import { Type } from 'class-transformer';
import { IsArray, IsIn, IsISO8601, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { OpaqueJson } from '../opaque-json';

/** What an analyst decided for one withheld field (§2.3.2.2). */
export const FIELD_OUTCOMES = ['released-no-pii', 'released-related', 'redacted', 'deleted'] as const;
export type FieldOutcome = (typeof FIELD_OUTCOMES)[number];

export class FieldDecision {
  @IsString()
  @MaxLength(500)
  path!: string;

  @IsIn(FIELD_OUTCOMES)
  outcome!: FieldOutcome;
}

/**
 * An analyst's decision on an object's withheld fields, or on a notice that a published object
 * still holds personal information. version-publisher answers with a new version of the object
 * (same id, strictly later `modified`). Only content cleared for publication travels here:
 * released values and redacted text in `restored`; paths to take out in `removed`.
 */
export class ReviewDecidedV1 {
  @IsUUID()
  taskId!: string;

  @IsUUID()
  submissionId!: string;

  @IsString()
  @MaxLength(300)
  objectId!: string;

  /** The published version the decision applies to. */
  @IsISO8601({ strict: true })
  objectVersion!: string;

  /** The analyst's principal id. */
  @IsUUID()
  decidedBy!: string;

  @IsISO8601({ strict: true })
  decidedAt!: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => FieldDecision)
  fields!: FieldDecision[];

  /** Path → value to put back: the released value, or the analyst's redacted text. */
  @OpaqueJson()
  @IsObject()
  restored!: Record<string, unknown>;

  /** Paths to take out of the published object (a notice's outcome). */
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  removed?: string[];

  /** The notice this decision corrects (§4.1); absent on a held-field decision. */
  @IsOptional()
  @IsUUID()
  noticeId?: string;
}

/** A federal entity's notice that a published object still contains personal information (§4.1). */
export class PiiNoticeFiledV1 {
  @IsUUID()
  noticeId!: string;

  @IsString()
  @MaxLength(300)
  objectId!: string;

  @IsISO8601({ strict: true })
  objectVersion!: string;

  @IsString()
  @MaxLength(50)
  federalEntity!: string;

  @IsUUID()
  filedBy!: string;

  /** JSON paths the entity points at, when it knows them; never the values. */
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  paths?: string[];
}
