import { Type } from 'class-transformer';
import { IsArray, IsISO8601, IsString, IsUUID, ValidateNested } from 'class-validator';
import { ObjectFailure } from '../common';

/** One published object of a submission: the id it was published under and the id it was submitted with. */
export class PublishedObjectRef {
  @IsString()
  objectId!: string;

  /** The id the submitter used (differs when publication renamed the object). */
  @IsString()
  sourceObjectId!: string;

  @IsISO8601({ strict: true })
  version!: string;
}

/**
 * What became of a submission that went through screening, written by version-publisher in the
 * same transaction as the first versions it published on `ais.dissemination.published`. Keyed by
 * the submission id, ids and reasons only: the submitter's TAXII status reads one small record per
 * submission instead of the screened submission and every published object.
 */
export class SubmissionConcludedV1 {
  @IsUUID()
  submissionId!: string;

  /** The objects published (none when every object failed on the way). */
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PublishedObjectRef)
  published!: PublishedObjectRef[];

  /** Objects that did not make it to publication, each with its reason (as screening passed them on). */
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ObjectFailure)
  failures!: ObjectFailure[];

  /** Objects accepted but not published as submitted (an identity replaced for lack of consent): successes. */
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ObjectFailure)
  replaced!: ObjectFailure[];
}
