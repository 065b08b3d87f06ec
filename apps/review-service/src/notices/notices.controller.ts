import { AuthGuard, CurrentPrincipal, Roles, type Principal } from '@ais/auth';
import { Body, Controller, Get, Header, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { NoticeDecisionAdapter } from './notice-decision.adapter';
import { NoticeFilingAdapter } from './notice-filing.adapter';
import { NoticeViewAdapter, type NoticeTaskView } from './notice-view.adapter';
import { FileNoticeDto, ListNoticesQueryDto, NoticeDecisionDto } from './notices.dto';
import { NoticesRepository, type NoticeTask } from './notices.repository';

const DEFAULT_NOTICES = 100;

/**
 * Notices that a published object still holds personal information (§4.1): federal entities file
 * them; analysts list them, open one against the latest published version, and correct the object
 * (remove or redact fields) or dismiss the notice. Every action carries the acting principal.
 */
@Controller('review/notices')
@UseGuards(AuthGuard)
export class NoticesController {
  constructor(
    private readonly filing: NoticeFilingAdapter,
    private readonly decisions: NoticeDecisionAdapter,
    private readonly views: NoticeViewAdapter,
    private readonly notices: NoticesRepository,
  ) {}

  @Post()
  @Roles('federal-consumer')
  @HttpCode(HttpStatus.ACCEPTED)
  file(@Body() dto: FileNoticeDto, @CurrentPrincipal() filer: Principal): Promise<{ noticeId: string }> {
    return this.filing.file(filer, dto, new Date());
  }

  /** The notice queue with what each notice names; no object content. */
  @Get()
  @Roles('analyst', 'admin')
  async list(@Query() query: ListNoticesQueryDto): Promise<{ notices: NoticeTask[] }> {
    return { notices: await this.notices.list({ state: query.state ?? null, objectId: query.objectId ?? null, limit: query.limit ?? DEFAULT_NOTICES }) };
  }

  @Get(':id')
  @Roles('analyst')
  @Header('Cache-Control', 'no-store')
  view(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() analyst: Principal): Promise<NoticeTaskView> {
    return this.views.view(id, analyst, new Date());
  }

  @Post(':id/decision')
  @Roles('analyst')
  @HttpCode(HttpStatus.OK)
  decide(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: NoticeDecisionDto, @CurrentPrincipal() analyst: Principal): Promise<{ id: string; state: string }> {
    return this.decisions.decide(id, analyst, { outcome: dto.outcome, remove: dto.remove ?? [], redact: dto.redact ?? [] }, new Date());
  }
}
