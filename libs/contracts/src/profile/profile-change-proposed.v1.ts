import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsString, IsUUID, Length, Min, ValidateNested } from 'class-validator';
import { BOARD_TEXT_MAX_LENGTH, BoardMemberRef, ProfileFieldChange } from './profile-change';

/**
 * A board member proposed adding or deleting one field of the AIS Profile (§2.2). The other members
 * have until `objectionDeadline` (two weeks) to object; without objection the change is accepted.
 */
export class ProfileChangeProposedV1 {
  @IsUUID()
  proposalId!: string;

  @ValidateNested()
  @Type(() => ProfileFieldChange)
  change!: ProfileFieldChange;

  @IsString()
  @Length(1, BOARD_TEXT_MAX_LENGTH)
  rationale!: string;

  @ValidateNested()
  @Type(() => BoardMemberRef)
  proposedBy!: BoardMemberRef;

  @IsISO8601({ strict: true })
  proposedAt!: string;

  @IsISO8601({ strict: true })
  objectionDeadline!: string;

  /** The profile version the proposal was made against. */
  @IsInt()
  @Min(1)
  baseVersion!: number;
}
