/**
 * TAXII timestamps carry microseconds (TAXII 2.1 §3.2). PostgreSQL keeps microseconds too, so
 * date_added travels as text straight from the database in this form.
 */
export const TAXII_TIMESTAMP_SQL_FORMAT = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?Z$/;

/** Parses an `added_after` value; null when it is not an RFC 3339 UTC timestamp. */
export function parseTaxiiTimestamp(value: string): string | null {
  const match = TIMESTAMP.exec(value);
  if (match === null || Number.isNaN(Date.parse(value))) {
    return null;
  }
  const fraction = (match[7] ?? '.').slice(1).padEnd(6, '0');
  return `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}.${fraction}Z`;
}
