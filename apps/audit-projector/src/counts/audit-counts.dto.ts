import type { DayCount } from './daily-counts.decider';
import { IsOptional, Matches, Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day: `2025-02-30` matches the pattern but names no day. */
@ValidatorConstraint({ name: 'isCalendarDay' })
class IsCalendarDay implements ValidatorConstraintInterface {
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

/** `GET /audit/counts`: an optional inclusive range of UTC days. */
export class AuditCountsQueryDto {
  @IsOptional()
  @Matches(DAY, { message: '$property must be YYYY-MM-DD' })
  @Validate(IsCalendarDay)
  from?: string;

  @IsOptional()
  @Matches(DAY, { message: '$property must be YYYY-MM-DD' })
  @Validate(IsCalendarDay)
  to?: string;
}

export interface AuditCountsResponse {
  /** Sum over the range: metric → dimension → count. */
  readonly totals: Record<string, Record<string, number>>;
  readonly days: readonly DayCount[];
}
