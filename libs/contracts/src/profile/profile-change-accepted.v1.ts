import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Min, ValidateNested } from 'class-validator';
import { BoardMemberRef, OptionalBoardNote } from './profile-change';

export const ACCEPTANCE_BASES = ['presumed-concurrence', 'resolved'] as const;
export type AcceptanceBasis = (typeof ACCEPTANCE_BASES)[number];

/**
 * A proposal was accepted: by presumed concurrence when its two weeks passed without objection, or
 * by the chair recording the resolution of an objection or escalation. `version` is the profile
 * version that carries the change (published by the `ProfileVersionPublished` that follows).
 */
export class ProfileChangeAcceptedV1 extends OptionalBoardNote {
  @IsUUID()
  proposalId!: string;

  @IsIn(ACCEPTANCE_BASES)
  basis!: AcceptanceBasis;

  /** Absent for presumed concurrence: nobody acted. */
  @IsOptional()
  @ValidateNested()
  @Type(() => BoardMemberRef)
  acceptedBy?: BoardMemberRef;

  @IsInt()
  @Min(2)
  version!: number;
}
