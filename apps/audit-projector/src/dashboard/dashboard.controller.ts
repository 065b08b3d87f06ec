import { AuthGuard, Roles } from '@ais/auth';
import { ErrorCodeFilter } from '@ais/observability';
import { type ArgumentsHost, Catch, type ExceptionFilter, Controller, Get, Header, Query, UnauthorizedException, UseFilters, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { DayRangeQueryDto } from '../counts/audit-counts.dto';
import { DailyCountsRepository } from '../counts/daily-counts.repository';
import { federalEntitiesOf } from '../federal/federal-entities.controller';
import { FederalDeliveriesRepository } from '../federal/federal-deliveries.repository';
import { UsageLogRepository } from '../usage/usage-log.repository';
import { renderDashboard } from './dashboard.view';

/** A browser asks for credentials only when challenged: 401s of the dashboard carry the Basic challenge. */
@Catch(UnauthorizedException)
export class BasicChallengeFilter implements ExceptionFilter {
  private readonly inner = new ErrorCodeFilter();

  catch(exception: UnauthorizedException, host: ArgumentsHost): void {
    host.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', 'Basic realm="AIS Exchange audit", charset="UTF-8"');
    this.inner.catch(exception, host);
  }
}

/** The auditor dashboard: server-rendered HTML with inline SVG charts, no script, no external resource. */
@Controller('audit')
@UseGuards(AuthGuard)
@UseFilters(BasicChallengeFilter)
@Roles('auditor', 'admin')
export class DashboardController {
  constructor(
    private readonly counts: DailyCountsRepository,
    private readonly deliveries: FederalDeliveriesRepository,
    private readonly usage: UsageLogRepository,
  ) {}

  @Get('dashboard')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @Header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
  @Header('X-Content-Type-Options', 'nosniff')
  async dashboard(@Query() query: DayRangeQueryDto): Promise<string> {
    const [counts, federal, head] = await Promise.all([this.counts.between({ from: query.from, to: query.to }), federalEntitiesOf(this.counts, this.deliveries), this.usage.head()]);
    return renderDashboard({
      generatedAt: new Date().toISOString(),
      counts,
      entities: federal.entities.map((e) => ({
        entity: e.entity,
        sharedWith: e.sharedWith,
        objectsServed: e.taxii.objectsServed,
        reads: e.taxii.reads,
        committedOffset: e.kafka.committedOffset,
        lag: e.kafka.lag,
      })),
      usage: { entries: head.seq, headHash: head.hash },
    });
  }
}
