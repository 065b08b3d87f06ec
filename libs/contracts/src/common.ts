import { IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export const SUBMISSION_CHANNELS = ['taxii', 'web-form', 'email'] as const;
export type SubmissionChannel = (typeof SUBMISSION_CHANNELS)[number];

export const CONSENT_LEVELS = ['none', 'usg', 'everyone'] as const;
export type ConsentLevel = (typeof CONSENT_LEVELS)[number];

/** A STIX 2.1 object as it travels between stages: opaque JSON with a type and an id. */
export type StixObject = Record<string, unknown> & { type: string; id: string };

/** What travels about a submitter in every case (§2.3.1.3): sector(s) and approximate location. */
export class SubmitterProfile {
  @IsArray()
  @IsString({ each: true })
  sectors!: string[];

  @IsOptional()
  @IsString()
  @MaxLength(200)
  city?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  state?: string;

  @IsString()
  @MaxLength(2)
  country!: string;
}

/** Why one object of a submission was not accepted; never carries a field value. */
export class ObjectFailure {
  @IsOptional()
  @IsString()
  objectId?: string;

  @IsString()
  code!: string;

  @IsString()
  @MaxLength(500)
  message!: string;
}

export class ConsentField {
  @IsIn(CONSENT_LEVELS)
  consent!: ConsentLevel;
}
