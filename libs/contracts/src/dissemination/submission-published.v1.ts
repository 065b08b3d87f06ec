import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsISO8601, IsString, IsUUID, ValidateNested } from 'class-validator';

/** One object of a published submission: the id it was published under and the id it was submitted with. */
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
 * The first versions of one submission's objects are on `ais.dissemination.published` (written in
 * the same transaction). Keyed by the submission id, ids only: the submitter's TAXII status reads
 * one small record per submission, not every published object from every partition.
 */
export class SubmissionPublishedV1 {
  @IsUUID()
  submissionId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => PublishedObjectRef)
  objects!: PublishedObjectRef[];
}
