import { CONSENT_LEVELS, MANUAL_CHANNELS, MANUAL_SUBMISSION_KINDS, type ConsentLevel, type ManualChannel, type ManualSubmissionKind, type StixObject } from '@ais/contracts';
import { plainToInstance, Type } from 'class-transformer';
import { IsArray, IsIn, IsISO8601, IsOptional, IsString, Length, MaxLength, ValidateNested, validateSync } from 'class-validator';

/** What ingest-gateway's manual channels let a submitter choose (docs/manual-channels.md). */
export const OBSERVABLE_TYPES = ['ipv4', 'ipv6', 'domain', 'url', 'file-sha256', 'email-address'] as const;
export type ObservableType = (typeof OBSERVABLE_TYPES)[number];
export const TLP_LEVELS = ['white', 'green', 'amber'] as const;
export type TlpLevel = (typeof TLP_LEVELS)[number];

/**
 * The fields of a web-form or e-mail submission, as sealed into `ManualSubmissionReceived`. The
 * writer (ingest-gateway) validated them; they are checked again here because they come from
 * another service's seal, and the STIX built from them must not rest on an assumption.
 */
export class ManualSubmissionFields {
  @IsIn(MANUAL_SUBMISSION_KINDS)
  kind!: ManualSubmissionKind;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;

  @IsOptional()
  @IsString()
  @MaxLength(5_000)
  description?: string;

  @IsOptional()
  @IsIn(OBSERVABLE_TYPES)
  observableType?: ObservableType;

  @IsOptional()
  @IsString()
  @MaxLength(2_048)
  observableValue?: string;

  @IsOptional()
  @IsString()
  @MaxLength(5_000)
  action?: string;

  @IsOptional()
  @IsIn(TLP_LEVELS)
  tlp?: TlpLevel;

  @IsString()
  @Length(1, 200)
  organisation!: string;

  @IsString()
  @MaxLength(254)
  contactEmail!: string;

  @IsString()
  @Length(1, 100)
  sector!: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  city?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  state?: string;

  @IsString()
  @Length(2, 2)
  country!: string;

  @IsIn(CONSENT_LEVELS)
  consent!: ConsentLevel;
}

export class ManualSubmissionContent {
  @IsIn(MANUAL_CHANNELS)
  channel!: ManualChannel;

  @IsISO8601({ strict: true })
  receivedAt!: string;

  @ValidateNested()
  @Type(() => ManualSubmissionFields)
  fields!: ManualSubmissionFields;

  /** The STIX objects an e-mail carried (shape-checked by ingest-gateway), if any. */
  @IsOptional()
  @IsArray()
  stixObjects?: StixObject[];
}

/** The opened seal as content, or null when it is not what the manual channels write. */
export function readManualContent(opened: unknown): ManualSubmissionContent | null {
  if (typeof opened !== 'object' || opened === null || Array.isArray(opened)) {
    return null;
  }
  const content = plainToInstance(ManualSubmissionContent, opened);
  if (validateSync(content, { forbidUnknownValues: true }).length > 0) {
    return null;
  }
  const objects = content.stixObjects ?? [];
  const stixShaped = objects.every(
    (object: unknown) =>
      typeof object === 'object' && object !== null && typeof (object as StixObject).type === 'string' && typeof (object as StixObject).id === 'string',
  );
  return stixShaped ? content : null;
}
