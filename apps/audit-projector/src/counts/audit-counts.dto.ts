import { IsIn, IsOptional, Matches, Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import type { ClassificationSummary, DayCount } from './daily-counts.decider';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day: `2025-02-30` matches the pattern but names no day. */
@ValidatorConstraint({ name: 'isCalendarDay' })
export class IsCalendarDay implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || !DAY.test(value)) {
      return false;
    }
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }

  defaultMessage(): string {
    return '$property must be a calendar day (YYYY-MM-DD)';
  }
}

export const RESPONSE_FORMATS = ['json', 'csv'] as const;

/** An optional inclusive range of UTC days, and the response format (else the Accept header decides). */
export class DayRangeQueryDto {
  @IsOptional()
  @Matches(DAY, { message: '$property must be YYYY-MM-DD' })
  @Validate(IsCalendarDay)
  from?: string;

  @IsOptional()
  @Matches(DAY, { message: '$property must be YYYY-MM-DD' })
  @Validate(IsCalendarDay)
  to?: string;

  @IsOptional()
  @IsIn(RESPONSE_FORMATS)
  format?: (typeof RESPONSE_FORMATS)[number];
}

/** `GET /audit/counts`: every metric (or one) over a day range. */
export class AuditCountsQueryDto extends DayRangeQueryDto {
  @IsOptional()
  @Matches(/^[a-z]+(-[a-z]+)*$/, { message: '$property must be a metric name' })
  metric?: string;
}

export interface AuditCountsResponse {
  /** What each metric counts and its dimension. */
  readonly definitions: Record<string, { dimension: string; counts: string }>;
  /** Sum over the range: metric → dimension → count. */
  readonly totals: Record<string, Record<string, number>>;
  readonly days: readonly DayCount[];
}

export interface MetricCountsResponse {
  readonly metric: string;
  readonly dimension: string;
  readonly counts: string;
  /** Sum over the range and dimensions. */
  readonly total: number;
  /** Sum over the range per dimension. */
  readonly totals: Record<string, number>;
  readonly days: readonly { day: string; dimension: string; value: number }[];
}

export interface ClassificationResponse {
  readonly definition: string;
  readonly totals: ClassificationSummary;
  readonly days: readonly ({ day: string } & ClassificationSummary)[];
}
