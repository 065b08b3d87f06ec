import { IsInt, Min } from 'class-validator';
import { PipelineSubmission } from './pipeline-submission';

/** Objects cleared for publication: personal information not directly related is withheld. */
export class SubmissionScreenedV1 extends PipelineSubmission {
  @IsInt()
  @Min(0)
  heldFieldCount!: number;
}
