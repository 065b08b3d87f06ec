import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsUUID, ValidateNested } from 'class-validator';
import { SealedBlob } from '../sealed-blob';

export const MANUAL_CHANNELS = ['web-form', 'email'] as const;
export type ManualChannel = (typeof MANUAL_CHANNELS)[number];

export const MANUAL_SUBMISSION_KINDS = ['indicator', 'defensive-measure'] as const;
export type ManualSubmissionKind = (typeof MANUAL_SUBMISSION_KINDS)[number];

/**
 * A web-form or e-mail submission (§3.2), sealed: it waits in review-service's triage queue until
 * an analyst accepts it into the pipeline or rejects it.
 */
export class ManualSubmissionReceivedV1 {
  @IsUUID()
  submissionId!: string;

  @IsIn(MANUAL_CHANNELS)
  channel!: ManualChannel;

  @IsIn(MANUAL_SUBMISSION_KINDS)
  kind!: ManualSubmissionKind;

  @IsISO8601({ strict: true })
  receivedAt!: string;

  /** Seals the submission as entered (form fields or mail) and who sent it. */
  @ValidateNested()
  @Type(() => SealedBlob)
  sealedContent!: SealedBlob;
}
