import type { Response } from 'express';

export type Cell = string | number | boolean | null | undefined;

/**
 * One RFC 4180 field: quoted when it holds a comma, quote or line break; a text starting like a
 * spreadsheet formula (`=`, `+`, `-`, `@`) gets a leading apostrophe so a spreadsheet shows it as text.
 */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value !== 'string') {
    return String(value);
  }
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A header line and one line per row, CRLF-terminated. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** CSV when `?format=csv`, or when the Accept header asks for text/csv and `format` says nothing else. */
export function wantsCsv(format: string | undefined, accept: string | undefined): boolean {
  if (format !== undefined) {
    return format === 'csv';
  }
  return accept !== undefined && /(^|,)\s*text\/csv\s*(;|,|$)/i.test(accept);
}

/** Sets the CSV headers; the handler returns the text. */
export function sendCsv(response: Response, filename: string, csv: string): string {
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  return csv;
}
