import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { MANUAL_CHANNELS, type ManualChannel } from '../intake/manual-submission-received.v1';
import { SealedBlob } from '../sealed-blob';

/**
 * An analyst accepted a web-form or e-mail submission as a valid indicator or defensive measure:
 * it enters the pipeline like a TAXII submission of its channel (schema-validator reads it).
 */
export class TriageAcceptedV1 {
  @IsUUID()
  submissionId!: string;

  @IsIn(MANUAL_CHANNELS)
  channel!: ManualChannel;

  /** The analyst's principal id. */
  @IsUUID()
  decidedBy!: string;

  @IsInt()
  @Min(1)
  objectCount!: number;

  /** Seals a {@link SealedSubmission}: the STIX objects built from the submission, and its sender. */
  @ValidateNested()
  @Type(() => SealedBlob)
  sealedContent!: SealedBlob;
}

/** An analyst rejected a web-form or e-mail submission; its sealed content's key is destroyed. */
export class TriageRejectedV1 {
  @IsUUID()
  submissionId!: string;

  @IsIn(MANUAL_CHANNELS)
  channel!: ManualChannel;

  @IsUUID()
  decidedBy!: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
