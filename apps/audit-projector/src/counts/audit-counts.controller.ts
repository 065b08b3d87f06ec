import { AuthGuard, Roles } from '@ais/auth';
import { CodedError } from '@ais/observability';
import { Controller, Get, HttpStatus, Query, UseGuards } from '@nestjs/common';
import { AuditCountsQueryDto, type AuditCountsResponse } from './audit-counts.dto';
import { totalsOf } from './daily-counts.decider';
import { DailyCountsRepository } from './daily-counts.repository';

export enum AuditErrorCode {
  RangeInverted = 'AIS_AUDIT_RANGE_INVERTED',
}

export const AUDIT_ERROR_STATUS: Record<AuditErrorCode, HttpStatus> = {
  [AuditErrorCode.RangeInverted]: HttpStatus.BAD_REQUEST,
};

/** The §4.1 counts for auditors: per day, and summed over the range asked for. */
@Controller('audit')
@UseGuards(AuthGuard)
export class AuditCountsController {
  constructor(private readonly counts: DailyCountsRepository) {}

  @Get('counts')
  @Roles('auditor', 'admin')
  async list(@Query() query: AuditCountsQueryDto): Promise<AuditCountsResponse> {
    if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
      throw new CodedError(AuditErrorCode.RangeInverted, AUDIT_ERROR_STATUS[AuditErrorCode.RangeInverted], 'from must not be after to');
    }
    const days = await this.counts.between(query.from ?? null, query.to ?? null);
    return { totals: totalsOf(days), days };
  }
}
