import { PipelineSubmission } from './pipeline-submission';

/** Objects whose submitter identity now follows the submitter's consent (§2.3.1.3). */
export class SubmissionAnonymizedV1 extends PipelineSubmission {}
