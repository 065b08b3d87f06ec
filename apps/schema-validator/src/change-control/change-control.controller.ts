import { parseProfileChange, type ProfileChange } from '@ais/ais-profile';
import { AuthGuard, CurrentPrincipal, Roles, type Principal } from '@ais/auth';
import type { AnyEvent, ProfileFieldChange } from '@ais/contracts';
import { CodedError } from '@ais/observability';
import { Body, Controller, Get, HttpStatus, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ChangeControlAdapter } from './change-control.adapter';
import { CHAIR_ENTITY, ChangeControlErrorCode, type BoardCommand, type BoardMember, type Proposal } from './change-control.decider';
import { CommentDto, EmergencyChangeDto, EscalateDto, ListProposalsQuery, ObjectDto, ProposeChangeDto, ResolveDto } from './change-control.dto';
import { BoardAccessErrorCode, boardError } from './change-control.errors';
import { ProposalsRepository, type ProposalHistoryEntry } from './proposals.repository';

/** What a command answers: the proposal (or change) as it stands now, and the events it caused. */
export interface CommandResult {
  readonly proposal?: Proposal;
  readonly events: { eventId: string; type: string }[];
}

/**
 * The AIS Profile Change Control Board (§2.2). Members are federal consumers, each acting for its
 * appropriate federal entity; admins act for the chair (DHS). Emergency break fixes are DHS only.
 */
@Controller('profile')
@UseGuards(AuthGuard)
export class ChangeControlController {
  constructor(
    private readonly board: ChangeControlAdapter,
    private readonly proposals: ProposalsRepository,
  ) {}

  @Get('proposals')
  @Roles('federal-consumer', 'admin', 'auditor')
  list(@Query() query: ListProposalsQuery): Promise<Proposal[]> {
    return this.proposals.list(query.status);
  }

  @Get('proposals/:proposalId')
  @Roles('federal-consumer', 'admin', 'auditor')
  async get(@Param('proposalId', new ParseUUIDPipe()) proposalId: string): Promise<{ proposal: Proposal; history: ProposalHistoryEntry[] }> {
    const found = await this.proposals.get(proposalId);
    if (found === null) {
      throw boardError(ChangeControlErrorCode.UnknownProposal);
    }
    return found;
  }

  @Post('proposals')
  @Roles('federal-consumer', 'admin')
  propose(@Body() dto: ProposeChangeDto, @CurrentPrincipal() principal: Principal): Promise<CommandResult> {
    const proposalId = randomUUID();
    return this.run(proposalId, { type: 'ProposeProfileChange', proposalId, change: changeOf(dto.change), rationale: dto.rationale, by: memberOf(principal) });
  }

  @Post('proposals/:proposalId/objections')
  @Roles('federal-consumer', 'admin')
  object(@Param('proposalId', new ParseUUIDPipe()) proposalId: string, @Body() dto: ObjectDto, @CurrentPrincipal() principal: Principal): Promise<CommandResult> {
    return this.run(proposalId, { type: 'ObjectToProfileChange', proposalId, reason: dto.reason, by: memberOf(principal) });
  }

  @Post('proposals/:proposalId/comments')
  @Roles('federal-consumer', 'admin')
  comment(@Param('proposalId', new ParseUUIDPipe()) proposalId: string, @Body() dto: CommentDto, @CurrentPrincipal() principal: Principal): Promise<CommandResult> {
    return this.run(proposalId, { type: 'CommentOnProfileChange', proposalId, text: dto.text, by: memberOf(principal) });
  }

  @Post('proposals/:proposalId/escalation')
  @Roles('federal-consumer', 'admin')
  escalate(@Param('proposalId', new ParseUUIDPipe()) proposalId: string, @Body() dto: EscalateDto, @CurrentPrincipal() principal: Principal): Promise<CommandResult> {
    return this.run(proposalId, { type: 'EscalateProfileChange', proposalId, note: dto.note, by: memberOf(principal) });
  }

  @Post('proposals/:proposalId/resolution')
  @Roles('federal-consumer', 'admin')
  resolve(@Param('proposalId', new ParseUUIDPipe()) proposalId: string, @Body() dto: ResolveDto, @CurrentPrincipal() principal: Principal): Promise<CommandResult> {
    return this.run(proposalId, { type: 'ResolveProfileChange', proposalId, outcome: dto.outcome, note: dto.note, by: memberOf(principal) });
  }

  /** DHS only: in force at once as the next profile version. */
  @Post('emergency-changes')
  @Roles('federal-consumer', 'admin')
  async emergency(@Body() dto: EmergencyChangeDto, @CurrentPrincipal() principal: Principal): Promise<{ changeId: string; version: number; events: CommandResult['events'] }> {
    const changeId = randomUUID();
    const events = await this.board.execute({ type: 'ApplyEmergencyProfileChange', changeId, change: changeOf(dto.change), reason: dto.reason, by: memberOf(principal) });
    const applied = events.find((event) => event.type === 'ProfileEmergencyChangeApplied');
    return { changeId, version: applied?.type === 'ProfileEmergencyChangeApplied' ? applied.data.version : 0, events: events.map(summary) };
  }

  private async run(proposalId: string, command: BoardCommand): Promise<CommandResult> {
    const events = await this.board.execute(command);
    const found = await this.proposals.get(proposalId);
    return { ...(found === null ? {} : { proposal: found.proposal }), events: events.map(summary) };
  }
}

/** The principal as a board member, or 403: federal consumers act for their entity, admins for the chair. */
export function memberOf(principal: Principal): BoardMember {
  if (principal.role === 'admin') {
    return { principalId: principal.id, entity: CHAIR_ENTITY };
  }
  if (principal.role === 'federal-consumer' && principal.federalEntity !== null) {
    return { principalId: principal.id, entity: principal.federalEntity };
  }
  throw boardError(BoardAccessErrorCode.NotABoardMember);
}

function changeOf(dto: ProfileFieldChange): ProfileChange {
  const parsed = parseProfileChange({ ...dto });
  if (!parsed.ok) {
    throw new CodedError(parsed.code, HttpStatus.BAD_REQUEST, parsed.reason);
  }
  return parsed.change;
}

function summary(event: AnyEvent): { eventId: string; type: string } {
  return { eventId: event.eventId, type: event.type };
}
