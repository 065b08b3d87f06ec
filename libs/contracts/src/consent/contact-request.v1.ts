import { IsBoolean, IsIn, IsISO8601, IsString, IsUUID, MaxLength } from 'class-validator';

/**
 * §2.3.1.3 contact requests: a federal entity asks to contact the (anonymous) submitter of a
 * published object; the request reaches the submitter, who grants or denies it for that entity.
 * Keyed by the request id; no event names the submitter.
 */
export class ContactRequestedV1 {
  @IsUUID()
  requestId!: string;

  /** The published STIX object the request is about. */
  @IsString()
  @MaxLength(300)
  objectId!: string;

  @IsString()
  @MaxLength(50)
  federalEntity!: string;

  /** The federal consumer's principal id. */
  @IsUUID()
  requestedBy!: string;

  @IsISO8601({ strict: true })
  requestedAt!: string;
}

export class ContactRequestAnsweredV1 {
  @IsUUID()
  requestId!: string;

  @IsBoolean()
  granted!: boolean;

  /** The submitter's principal id (the participant who answered). */
  @IsUUID()
  answeredBy!: string;

  @IsISO8601({ strict: true })
  answeredAt!: string;
}

/** The identity was shown to the requesting entity alone (each read is one event). */
export class SubmitterIdentityReleasedV1 {
  @IsUUID()
  requestId!: string;

  @IsString()
  @MaxLength(50)
  federalEntity!: string;

  @IsIn(['read'])
  channel!: 'read';

  @IsUUID()
  releasedTo!: string;
}
