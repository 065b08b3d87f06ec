import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, MaxLength, Min, Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { RESPONSE_FORMATS } from '../counts/audit-counts.dto';
import type { ChainedEntry } from './usage-chain';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number.parseInt(value, 10) : value);

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A UTC day (`2026-11-01`) or an RFC 3339 instant (`2026-11-01T12:00:00Z`). */
@ValidatorConstraint({ name: 'isDayOrInstant' })
class IsDayOrInstant implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || !(DAY.test(value) || INSTANT.test(value))) {
      return false;
    }
    const date = new Date(DAY.test(value) ? `${value}T00:00:00Z` : value);
    return !Number.isNaN(date.getTime()) && (!DAY.test(value) || date.toISOString().slice(0, 10) === value);
  }

  defaultMessage(): string {
    return '$property must be a day (YYYY-MM-DD) or an RFC 3339 time';
  }
}

/** `GET /audit/usage`: filters, paging by sequence number, format. */
export class UsageQueryDto {
  /** The acting principal's id. */
  @IsOptional()
  @Matches(/^[0-9a-fA-F-]{36}$/, { message: '$property must be a principal id' })
  actor?: string;

  @IsOptional()
  @Matches(/^[a-z]+(-[a-z]+)*(\.[a-z]+(-[a-z]+)*)+$/, { message: '$property must be an action such as federal.read' })
  @MaxLength(100)
  action?: string;

  /** From this day (00:00 UTC) or time, inclusive. */
  @IsOptional()
  @Validate(IsDayOrInstant)
  from?: string;

  /** Until this day (inclusive, to its end) or time (exclusive). */
  @IsOptional()
  @Validate(IsDayOrInstant)
  to?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  afterSeq?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @IsOptional()
  @IsIn(RESPONSE_FORMATS)
  format?: (typeof RESPONSE_FORMATS)[number];
}

/** The lower bound of `from` (a day starts at 00:00 UTC). */
export function lowerBound(value: string): Date {
  return new Date(DAY.test(value) ? `${value}T00:00:00Z` : value);
}

/** The exclusive upper bound of `to` (a day includes all of itself). */
export function upperBound(value: string): Date {
  if (!DAY.test(value)) {
    return new Date(value);
  }
  const end = new Date(`${value}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return end;
}

export interface UsageResponse {
  readonly entries: readonly ChainedEntry[];
  /** Pass as `afterSeq` for the next page; null on the last page. */
  readonly nextAfterSeq: number | null;
}
