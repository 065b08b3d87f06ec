import { Type } from 'class-transformer';
import { IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { BOARD_TEXT_MAX_LENGTH, BoardMemberRef } from './profile-change';

/** A member's contribution to the board's discussion of a proposal. */
export class ProfileChangeCommentedV1 {
  @IsUUID()
  proposalId!: string;

  @ValidateNested()
  @Type(() => BoardMemberRef)
  commentedBy!: BoardMemberRef;

  @IsString()
  @Length(1, BOARD_TEXT_MAX_LENGTH)
  text!: string;
}
