import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { TASK_STATES, type TaskState } from '../tasks/review-task';

/** A STIX identifier: `<type>--<uuid>`. */
const STIX_ID = /^[a-z][a-z0-9-]*--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** A field path of property names and list positions (`external_references[0].description`): no room for free text. */
const FIELD_PATH = /^[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+|\[\d{1,6}\])*$/;
export const MAX_NOTICE_PATHS = 100;
export const MAX_NOTICES = 500;

/** `POST /review/notices`: which published object version still holds personal information, and where if known. */
export class FileNoticeDto {
  @IsString()
  @MaxLength(300)
  @Matches(STIX_ID)
  objectId!: string;

  /** The version read from TAXII root `federal` (its `modified`, or the version of an SCO). */
  @IsISO8601({ strict: true })
  objectVersion!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_NOTICE_PATHS)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  @Matches(FIELD_PATH, { each: true })
  paths?: string[];
}

export class RedactionDto {
  @IsString()
  @MaxLength(500)
  path!: string;

  /** The value with the personal part edited out. */
  @IsString()
  @MaxLength(65_536)
  text!: string;
}

/** `POST /review/notices/:id/decision`: correct (remove and/or redact fields) or dismiss. */
export class NoticeDecisionDto {
  @IsIn(['correct', 'dismiss'])
  outcome!: 'correct' | 'dismiss';

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  remove?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => RedactionDto)
  redact?: RedactionDto[];
}

/** `GET /review/notices`: filter by state and object, oldest first. */
export class ListNoticesQueryDto {
  @IsOptional()
  @IsIn(TASK_STATES)
  state?: TaskState;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  @Matches(STIX_ID)
  objectId?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_NOTICES)
  limit?: number;
}
