import { AuthGuard, CurrentPrincipal, Roles, type Principal } from '@ais/auth';
import { Controller, Get, Header, Param, ParseUUIDPipe, UseGuards } from '@nestjs/common';
import { TriageAdapter, type TriageTaskView } from '../triage/triage.adapter';
import { HeldFieldsAdapter, type HeldFieldTaskView } from './held-fields.adapter';

/**
 * `GET /review/tasks/:id` for every kind of task: a held-field task opens its sealed values here,
 * any other task goes to its own adapter (triage; a missing task answers as triage always has).
 * Registered before `TriageController`, whose route of the same path it takes over. Viewing opens
 * a seal, so it is for analysts only, and every view is recorded with the analyst's id.
 */
@Controller('review/tasks')
@UseGuards(AuthGuard)
export class ReviewTaskViewController {
  constructor(
    private readonly heldFields: HeldFieldsAdapter,
    private readonly triage: TriageAdapter,
  ) {}

  @Get(':id')
  @Roles('analyst')
  @Header('Cache-Control', 'no-store')
  async view(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() analyst: Principal): Promise<HeldFieldTaskView | TriageTaskView> {
    const now = new Date();
    return (await this.heldFields.view(id, analyst, now)) ?? this.triage.view(id, analyst, now);
  }
}
