import { AuthGuard, Roles } from '@ais/auth';
import { CodedError } from '@ais/observability';
import { Controller, Get, Headers, Param, Query, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { sendCsv, toCsv, wantsCsv } from '../http/csv';
import { AUDIT_ERROR_STATUS, AuditErrorCode } from '../http/audit-errors';
import {
  AuditCountsQueryDto,
  DayRangeQueryDto,
  type AuditCountsResponse,
  type ClassificationResponse,
  type MetricCountsResponse,
} from './audit-counts.dto';
import { AUDIT_METRICS, classificationOf, METRIC_DEFINITIONS, totalsOf, type AuditMetric } from './daily-counts.decider';
import { DailyCountsRepository } from './daily-counts.repository';

export { AUDIT_ERROR_STATUS, AuditErrorCode };

function checkRange(query: DayRangeQueryDto): void {
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    throw new CodedError(AuditErrorCode.RangeInverted, AUDIT_ERROR_STATUS[AuditErrorCode.RangeInverted], 'from must not be after to');
  }
}

function isMetric(name: string): name is AuditMetric {
  return (AUDIT_METRICS as readonly string[]).includes(name);
}

function requireMetric(name: string): AuditMetric {
  if (!isMetric(name)) {
    throw new CodedError(AuditErrorCode.UnknownMetric, AUDIT_ERROR_STATUS[AuditErrorCode.UnknownMetric], 'no such metric; GET /audit/counts lists them');
  }
  return name;
}

export const CLASSIFICATION_DEFINITION =
  'Objects assessed against the TLP marking rule of the AIS Profile version in force: valid (exactly one TLP marking of the profile, as submitted), ' +
  'valid-after-pruning (one valid TLP marking left once marking references outside the profile were removed), missing (none), conflict (more than one). ' +
  'ratio = (valid + valid-after-pruning) / assessed; ratioAsSubmitted = valid / assessed. Marking definitions are exempt.';

/** The §4.1 counts for auditors, per day and in total, as JSON or CSV. */
@Controller('audit')
@UseGuards(AuthGuard)
@Roles('auditor', 'admin')
export class AuditCountsController {
  constructor(private readonly counts: DailyCountsRepository) {}

  @Get('counts')
  async list(
    @Query() query: AuditCountsQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuditCountsResponse | string> {
    checkRange(query);
    const metric = query.metric === undefined ? null : requireMetric(query.metric);
    const days = await this.counts.between({ from: query.from, to: query.to, metric });
    if (wantsCsv(query.format, accept)) {
      return sendCsv(response, 'audit-counts.csv', toCsv(['day', 'metric', 'dimension', 'value'], days.map((d) => [d.day, d.metric, d.dimension, d.value])));
    }
    return { definitions: { ...METRIC_DEFINITIONS }, totals: totalsOf(days), days };
  }

  @Get('counts/:metric')
  async metric(
    @Param('metric') name: string,
    @Query() query: DayRangeQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MetricCountsResponse | string> {
    checkRange(query);
    const metric = requireMetric(name);
    const days = await this.counts.between({ from: query.from, to: query.to, metric });
    if (wantsCsv(query.format, accept)) {
      return sendCsv(response, `audit-${metric}.csv`, toCsv(['day', 'dimension', 'value'], days.map((d) => [d.day, d.dimension, d.value])));
    }
    const totals = totalsOf(days)[metric] ?? {};
    return {
      metric,
      ...METRIC_DEFINITIONS[metric],
      total: Object.values(totals).reduce((sum, value) => sum + value, 0),
      totals,
      days: days.map(({ day, dimension, value }) => ({ day, dimension, value })),
    };
  }

  /** The extent properly classified, as counts and ratios, per day and in total. */
  @Get('classification')
  async classification(
    @Query() query: DayRangeQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ClassificationResponse | string> {
    checkRange(query);
    const days = await this.counts.between({ from: query.from, to: query.to, metric: 'classification' });
    const byDay = new Map<string, Record<string, number>>();
    for (const { day, dimension, value } of days) {
      const entry = byDay.get(day) ?? {};
      entry[dimension] = value;
      byDay.set(day, entry);
    }
    const perDay = [...byDay].map(([day, dims]) => ({ day, ...classificationOf(dims) }));
    const totals = classificationOf(totalsOf(days).classification ?? {});
    if (wantsCsv(query.format, accept)) {
      const rows = [...perDay, { day: 'total', ...totals }].map((d) => [d.day, d.valid, d.validAfterPruning, d.missing, d.conflict, d.assessed, d.ratio, d.ratioAsSubmitted]);
      return sendCsv(response, 'audit-classification.csv', toCsv(['day', 'valid', 'valid-after-pruning', 'missing', 'conflict', 'assessed', 'ratio', 'ratio-as-submitted'], rows));
    }
    return { definition: CLASSIFICATION_DEFINITION, totals, days: perDay };
  }
}
