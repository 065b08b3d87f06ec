import { Type } from 'class-transformer';
import { IsInt, IsString, IsUUID, Length, Min, ValidateNested } from 'class-validator';
import { BOARD_TEXT_MAX_LENGTH, BoardMemberRef, ProfileFieldChange } from './profile-change';

/**
 * DHS applied an emergency break fix to the profile without the board's approval (§2.2, note): in
 * force at once, as profile `version`.
 */
export class ProfileEmergencyChangeAppliedV1 {
  @IsUUID()
  changeId!: string;

  @ValidateNested()
  @Type(() => ProfileFieldChange)
  change!: ProfileFieldChange;

  @ValidateNested()
  @Type(() => BoardMemberRef)
  appliedBy!: BoardMemberRef;

  @IsString()
  @Length(1, BOARD_TEXT_MAX_LENGTH)
  reason!: string;

  @IsInt()
  @Min(2)
  version!: number;
}
