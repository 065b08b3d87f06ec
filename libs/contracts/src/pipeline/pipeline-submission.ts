import { Type } from 'class-transformer';
import { IsArray, IsIn, IsObject, IsString, IsUUID, ValidateNested } from 'class-validator';
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
}
