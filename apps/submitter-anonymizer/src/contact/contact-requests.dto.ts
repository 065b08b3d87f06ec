import { IsString, Matches, MaxLength } from 'class-validator';

export class CreateContactRequestDto {
  /** The published STIX object whose submitter the entity wants to contact. */
  @IsString()
  @MaxLength(300)
  @Matches(/^[a-z0-9][a-z0-9-]*--[0-9a-f-]{36}$/, { message: 'objectId must be a STIX id' })
  objectId!: string;
}
