import { Type } from 'class-transformer';
import { IsArray, IsIn, IsObject, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import { CONSENT_LEVELS, type ConsentLevel, ObjectFailure, type StixObject, SubmitterProfile } from '../common';

/** What every pipeline stage passes on about one submission. */
export class PipelineSubmission {
  @IsUUID()
  submissionId!: string;

  @IsString()
  profileVersion!: string;

  @IsArray()
  @IsObject({ each: true })
  objects!: StixObject[];

  @ValidateNested()
  @Type(() => SubmitterProfile)
  submitter!: SubmitterProfile;

  @IsIn(CONSENT_LEVELS)
  consent!: ConsentLevel;

  /** Objects of the submission that did not make it this far, each with its reason. */
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ObjectFailure)
  failures!: ObjectFailure[];

  /**
   * Objects accepted but not published as submitted, each with why (the submitter's identity
   * replaced for lack of consent): their TAXII status is a success, not a failure.
   */
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ObjectFailure)
  replaced?: ObjectFailure[];
}
