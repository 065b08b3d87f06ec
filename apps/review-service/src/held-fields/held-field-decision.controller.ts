import { AuthGuard, CurrentPrincipal, Roles, type Principal } from '@ais/auth';
import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { HeldFieldDecisionAdapter } from './held-field-decision.adapter';
import { HeldFieldDecisionDto } from './held-field-decision.dto';

/** Analysts release, redact or delete each withheld field of a held-field task (§2.3.2.2). */
@Controller('review/tasks')
@UseGuards(AuthGuard)
export class HeldFieldDecisionController {
  constructor(private readonly decisions: HeldFieldDecisionAdapter) {}

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('analyst')
  decide(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: HeldFieldDecisionDto, @CurrentPrincipal() analyst: Principal): Promise<{ id: string; state: string }> {
    return this.decisions.decide(id, analyst, dto.fields, new Date());
  }
}
