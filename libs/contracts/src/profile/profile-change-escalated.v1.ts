import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { BoardMemberRef, OptionalBoardNote } from './profile-change';

/**
 * The board could not resolve an objection: the proposal goes to the chair (DHS), who takes it up to
 * the heads of the appropriate federal entities for unanimous approval, and records the outcome.
 */
export class ProfileChangeEscalatedV1 extends OptionalBoardNote {
  @IsUUID()
  proposalId!: string;

  @ValidateNested()
  @Type(() => BoardMemberRef)
  escalatedBy!: BoardMemberRef;
}
