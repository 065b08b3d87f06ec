import { Type } from 'class-transformer';
import { IsArray, IsIn, IsISO8601, IsObject, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import { CONSENT_LEVELS, type ConsentLevel, ObjectFailure, type StixObject, SubmitterProfile } from '../common';
import { OpaqueJson } from '../opaque-json';

/** What every pipeline stage passes on about one submission. */
export class PipelineSubmission {
  @IsUUID()
  submissionId!: string;

  @IsString()
  profileVersion!: string;

  /**
   * When the automated pipeline received the submission: ingest-gateway's receipt of a TAXII
   * submission, an analyst's triage acceptance of a web-form or e-mail one (waiting for an analyst
   * is the review backlog's to measure). Every stage passes it on, for the publication latency;
   * absent from events written before it existed.
   */
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedAt?: string;

  @OpaqueJson()
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
