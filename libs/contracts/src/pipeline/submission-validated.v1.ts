import { Type } from 'class-transformer';
import { IsArray, IsOptional, IsString, ValidateNested } from 'class-validator';
import { SealedBlob } from '../sealed-blob';
import { PipelineSubmission } from './pipeline-submission';

/** A field removed because the AIS Profile does not allow it (§2.3.1.2). */
export class FieldRemoval {
  @IsString()
  objectId!: string;

  @IsString()
  path!: string;

  @IsString()
  reason!: string;
}

/** Objects that passed STIX and AIS Profile validation, pruned to what the profile allows. */
export class SubmissionValidatedV1 extends PipelineSubmission {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => FieldRemoval)
  removals!: FieldRemoval[];

  /** The submitter's identity, sealed with the submission's key, for the anonymizer. */
  @IsOptional()
  @ValidateNested()
  @Type(() => SealedBlob)
  sealedSubmitter?: SealedBlob;
}
