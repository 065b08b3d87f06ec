import { AuthGuard, CurrentPrincipal, Roles, type Principal } from '@ais/auth';
import { Body, Controller, Get, Header, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import type { ReviewTask } from '../tasks/review-task';
import { TriageAdapter, type TriageTaskView } from './triage.adapter';
import { RejectTaskDto } from './triage.dto';

/**
 * The analysts' triage API (§3.2): claim a task, then accept it into the pipeline or reject it.
 * Viewing a task opens its seal, so it is for analysts only; every action records who took it.
 */
@Controller('review/tasks')
@UseGuards(AuthGuard)
export class TriageController {
  constructor(private readonly triage: TriageAdapter) {}

  @Get(':id')
  @Roles('analyst')
  @Header('Cache-Control', 'no-store')
  view(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() analyst: Principal): Promise<TriageTaskView> {
    return this.triage.view(id, analyst, new Date());
  }

  @Post(':id/claim')
  @Roles('analyst', 'admin')
  @HttpCode(HttpStatus.OK)
  claim(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() analyst: Principal): Promise<ReviewTask> {
    return this.triage.claim(id, analyst, new Date());
  }

  @Post(':id/accept')
  @Roles('analyst', 'admin')
  @HttpCode(HttpStatus.OK)
  accept(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() analyst: Principal): Promise<ReviewTask> {
    return this.triage.accept(id, analyst, new Date());
  }

  @Post(':id/reject')
  @Roles('analyst', 'admin')
  @HttpCode(HttpStatus.OK)
  reject(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RejectTaskDto, @CurrentPrincipal() analyst: Principal): Promise<ReviewTask> {
    return this.triage.reject(id, analyst, body.reason, new Date());
  }
}
