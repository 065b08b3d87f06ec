import { IsInt, IsObject, IsOptional, Min } from 'class-validator';
import { OpaqueJson } from '../opaque-json';
import { PipelineSubmission } from './pipeline-submission';

/** Objects cleared for publication: personal information not directly related is withheld. */
export class SubmissionScreenedV1 extends PipelineSubmission {
  @IsInt()
  @Min(0)
  heldFieldCount!: number;

  /**
   * New id → the id the submitter used, for observables whose id derived from a withheld value:
   * the submitter's status resource names the old one.
   */
  @OpaqueJson()
  @IsOptional()
  @IsObject()
  renamedFrom?: Record<string, string>;
}
