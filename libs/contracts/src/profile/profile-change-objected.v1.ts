import { Type } from 'class-transformer';
import { IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { BOARD_TEXT_MAX_LENGTH, BoardMemberRef } from './profile-change';

/** A member objected to a proposal (or asked for discussion) within its window: no presumed concurrence. */
export class ProfileChangeObjectedV1 {
  @IsUUID()
  proposalId!: string;

  @ValidateNested()
  @Type(() => BoardMemberRef)
  objectedBy!: BoardMemberRef;

  @IsString()
  @Length(1, BOARD_TEXT_MAX_LENGTH)
  reason!: string;
}
