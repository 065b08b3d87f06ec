import { BOARD_TEXT_MAX_LENGTH, ProfileFieldChange } from '@ais/contracts';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { PROPOSAL_STATUSES, type ProposalStatus } from './change-control.decider';

export class ProposeChangeDto {
  @IsDefined()
  @ValidateNested()
  @Type(() => ProfileFieldChange)
  change!: ProfileFieldChange;

  @IsString()
  @Length(1, BOARD_TEXT_MAX_LENGTH)
  rationale!: string;
}

export class ObjectDto {
  @IsString()
  @Length(1, BOARD_TEXT_MAX_LENGTH)
  reason!: string;
}

export class CommentDto {
  @IsString()
  @Length(1, BOARD_TEXT_MAX_LENGTH)
  text!: string;
}

export class EscalateDto {
  @IsOptional()
  @IsString()
  @Length(1, BOARD_TEXT_MAX_LENGTH)
  note?: string;
}

export class ResolveDto {
  @IsIn(['accepted', 'withdrawn'])
  outcome!: 'accepted' | 'withdrawn';

  @IsOptional()
  @IsString()
  @Length(1, BOARD_TEXT_MAX_LENGTH)
  note?: string;
}

export class EmergencyChangeDto {
  @IsDefined()
  @ValidateNested()
  @Type(() => ProfileFieldChange)
  change!: ProfileFieldChange;

  @IsString()
  @Length(1, BOARD_TEXT_MAX_LENGTH)
  reason!: string;
}

export class ListProposalsQuery {
  @IsOptional()
  @IsIn(PROPOSAL_STATUSES)
  status?: ProposalStatus;
}
