import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsUUID, ValidateNested } from 'class-validator';
import { ObjectFailure } from '../common';

/** A submission that failed validation as a whole; its sealed content's key is destroyed. */
export class SubmissionRejectedV1 {
  @IsUUID()
  submissionId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => ObjectFailure)
  reasons!: ObjectFailure[];
}
