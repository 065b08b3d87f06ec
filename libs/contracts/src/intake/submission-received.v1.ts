import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsUUID, Min, ValidateNested } from 'class-validator';
import { SUBMISSION_CHANNELS, type SubmissionChannel } from '../common';
import { SealedBlob } from '../sealed-blob';

/**
 * A participant's submission as received, sealed: the raw objects and the submitter's identity
 * are only readable while the submission's data key exists.
 */
export class SubmissionReceivedV1 {
  @IsUUID()
  submissionId!: string;

  @IsIn(SUBMISSION_CHANNELS)
  channel!: SubmissionChannel;

  @IsUUID()
  principalId!: string;

  @IsInt()
  @Min(0)
  objectCount!: number;

  @IsISO8601({ strict: true })
  receivedAt!: string;

  /** Seals {@link SealedSubmission}. */
  @ValidateNested()
  @Type(() => SealedBlob)
  sealedContent!: SealedBlob;
}
