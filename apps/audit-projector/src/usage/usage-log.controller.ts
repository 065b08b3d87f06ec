import { AuthGuard, Roles } from '@ais/auth';
import { CodedError } from '@ais/observability';
import { Controller, Get, Headers, Query, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { AUDIT_ERROR_STATUS, AuditErrorCode } from '../http/audit-errors';
import { sendCsv, toCsv, wantsCsv } from '../http/csv';
import type { ChainVerdict } from './usage-chain';
import { lowerBound, upperBound, UsageQueryDto, type UsageResponse } from './usage-log.dto';
import { UsageLogRepository } from './usage-log.repository';

const DEFAULT_LIMIT = 100;

/** §4.2 for auditors: who did what, when; and whether the log is intact. */
@Controller('audit/usage')
@UseGuards(AuthGuard)
@Roles('auditor', 'admin')
export class UsageLogController {
  constructor(private readonly usage: UsageLogRepository) {}

  @Get()
  async list(@Query() query: UsageQueryDto, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) response: Response): Promise<UsageResponse | string> {
    const from = query.from === undefined ? undefined : lowerBound(query.from);
    const to = query.to === undefined ? undefined : upperBound(query.to);
    if (from !== undefined && to !== undefined && from >= to) {
      throw new CodedError(AuditErrorCode.RangeInverted, AUDIT_ERROR_STATUS[AuditErrorCode.RangeInverted], 'from must be before to');
    }
    const limit = query.limit ?? DEFAULT_LIMIT;
    const entries = await this.usage.find({ actor: query.actor?.toLowerCase(), action: query.action, from, to, afterSeq: query.afterSeq, limit });
    if (wantsCsv(query.format, accept)) {
      const rows = entries.map((e) => [e.seq, e.occurredAt, e.actor, e.role, e.action, e.resource, JSON.stringify(e.detail), e.eventId, e.prevHash, e.hash]);
      return sendCsv(response, 'audit-usage.csv', toCsv(['seq', 'time', 'actor', 'role', 'action', 'resource', 'detail', 'event_id', 'previous_hash', 'hash'], rows));
    }
    return { entries, nextAfterSeq: entries.length === limit ? entries[entries.length - 1]!.seq : null };
  }

  /** Recomputes the whole chain: the first edited or removed entry, or ok. */
  @Get('verify')
  verify(): Promise<ChainVerdict> {
    return this.usage.verify();
  }
}
