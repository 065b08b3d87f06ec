import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';

export const PROFILE_FIELD_CHANGE_KINDS = ['add-property', 'delete-property', 'add-vocabulary-value', 'delete-vocabulary-value'] as const;
export type ProfileFieldChangeKind = (typeof PROFILE_FIELD_CHANGE_KINDS)[number];

const isPropertyChange = (change: ProfileFieldChange) => change.kind === 'add-property' || change.kind === 'delete-property';

/**
 * One field of the AIS Profile added or deleted (§2.2): a property of an object type
 * (`objectType` + `property`, optionally bound to a `vocabulary` when added), or a value of a
 * controlled vocabulary (`vocabulary` + `value`). `@ais/ais-profile` reads it into its union type.
 */
export class ProfileFieldChange {
  @IsIn(PROFILE_FIELD_CHANGE_KINDS)
  kind!: ProfileFieldChangeKind;

  @ValidateIf(isPropertyChange)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  @MaxLength(250)
  objectType?: string;

  @ValidateIf(isPropertyChange)
  @Matches(/^[a-z0-9_]{1,250}$/)
  property?: string;

  @ValidateIf((change: ProfileFieldChange) => !isPropertyChange(change) || change.vocabulary !== undefined)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  @MaxLength(100)
  vocabulary?: string;

  @ValidateIf((change: ProfileFieldChange) => !isPropertyChange(change))
  @IsString()
  @MaxLength(250)
  value?: string;
}

/** A member of the AIS Profile Change Control Board acting for its appropriate federal entity. */
export class BoardMemberRef {
  /** The principal who acted. */
  @IsUUID()
  principalId!: string;

  /** The federal entity it acts for (`homeland-security` chairs the board). */
  @Matches(/^[a-z]+(-[a-z]+)*$/)
  @MaxLength(50)
  entity!: string;
}

/** Free text of a board member (rationale, objection, comment): never submission content. */
export const BOARD_TEXT_MAX_LENGTH = 4000;

export class OptionalBoardNote {
  @IsOptional()
  @IsString()
  @MaxLength(BOARD_TEXT_MAX_LENGTH)
  note?: string;
}
