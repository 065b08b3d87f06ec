import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { BoardMemberRef, OptionalBoardNote } from './profile-change';

export const WITHDRAWAL_BASES = ['withdrawn-by-proposer', 'resolved', 'no-longer-applicable'] as const;
export type WithdrawalBasis = (typeof WITHDRAWAL_BASES)[number];

/**
 * A proposal ended without changing the profile: its proposer withdrew it, the chair recorded that
 * an objection or escalation resolved against it, or by the end of its window the profile had
 * changed so that it no longer applied (`code` says why).
 */
export class ProfileChangeWithdrawnV1 extends OptionalBoardNote {
  @IsUUID()
  proposalId!: string;

  @IsIn(WITHDRAWAL_BASES)
  basis!: WithdrawalBasis;

  @IsOptional()
  @ValidateNested()
  @Type(() => BoardMemberRef)
  withdrawnBy?: BoardMemberRef;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  code?: string;
}
