import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DayCount } from './daily-counts.decider';

interface Row {
  day: string;
  metric: string;
  dimension: string;
  value: string;
}

@Injectable()
export class DailyCountsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Counts of the inclusive day range, oldest day first. */
  async between(from: string | null, to: string | null): Promise<DayCount[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, metric, dimension, value::text AS value
         FROM audit.daily_counts
        WHERE ($1::date IS NULL OR day >= $1::date) AND ($2::date IS NULL OR day <= $2::date)
        ORDER BY day, metric, dimension`,
      [from, to],
    );
    return rows.map((row) => ({ day: row.day, metric: row.metric, dimension: row.dimension, value: Number(row.value) }));
  }
}
