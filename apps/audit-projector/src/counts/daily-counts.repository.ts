import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AUDIT_SCHEMA } from '../migrations';
import type { DayCount } from './daily-counts.decider';

interface Row {
  day: string;
  metric: string;
  dimension: string;
  value: string;
}

export interface CountsFilter {
  readonly from?: string | null;
  readonly to?: string | null;
  readonly metric?: string | null;
}

@Injectable()
export class DailyCountsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Counts of the inclusive day range (and one metric, if given), oldest day first. */
  async between(filter: CountsFilter = {}): Promise<DayCount[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, metric, dimension, value::text AS value
         FROM ${AUDIT_SCHEMA}.daily_counts
        WHERE ($1::date IS NULL OR day >= $1::date) AND ($2::date IS NULL OR day <= $2::date) AND ($3::text IS NULL OR metric = $3)
        ORDER BY day, metric, dimension`,
      [filter.from ?? null, filter.to ?? null, filter.metric ?? null],
    );
    return rows.map((row) => ({ day: row.day, metric: row.metric, dimension: row.dimension, value: Number(row.value) }));
  }

  /** Every metric's total per dimension, over all days. */
  async totals(): Promise<{ metric: string; dimension: string; value: number }[]> {
    const rows: Omit<Row, 'day'>[] = await this.dataSource.query(
      `SELECT metric, dimension, sum(value)::text AS value FROM ${AUDIT_SCHEMA}.daily_counts GROUP BY metric, dimension ORDER BY metric, dimension`,
    );
    return rows.map((row) => ({ metric: row.metric, dimension: row.dimension, value: Number(row.value) }));
  }
}
