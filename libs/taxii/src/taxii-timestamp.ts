import { isUtcTimestamp } from '@ais/contracts';

/**
 * TAXII timestamps carry microseconds (TAXII 2.1 §3.2). PostgreSQL keeps microseconds too, so
 * date_added travels as text straight from the database in this form.
 */
export const TAXII_TIMESTAMP_SQL_FORMAT = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

/** Parses an `added_after` value to microsecond precision; null when it is not a real UTC timestamp of at most microseconds. */
export function parseTaxiiTimestamp(value: string): string | null {
  if (!isUtcTimestamp(value)) {
    return null;
  }
  const [whole, fraction = ''] = value.slice(0, -1).split('.');
  return fraction.length > 6 ? null : `${whole}.${fraction.padEnd(6, '0')}Z`;
}
