import { FIELD_LABELS, FIELD_NAMES, type FieldName, type RawFields } from '../manual-submission.dto';

/** A structured mail body read into raw fields (docs/manual-channels.md, "E-mail"). */
export interface ParsedMailBody {
  readonly fields: RawFields;
  /** Keys given more than once; the first value is kept and the sender is told. */
  readonly duplicates: FieldName[];
}

function keySlug(key: string): string {
  return key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `Key:` → field, by the documented keys and a few spellings senders use. */
const KEYS: ReadonlyMap<string, FieldName> = new Map<string, FieldName>([
  ...FIELD_NAMES.map((field): [string, FieldName] => [keySlug(FIELD_LABELS[field].mailKey), field]),
  ['organization', 'organisation'],
  ['contact-email', 'contactEmail'],
  ['contact-e-mail', 'contactEmail'],
  ['type', 'observableType'],
  ['value', 'observableValue'],
  ['observable', 'observableValue'],
  ['recommended-action', 'action'],
]);

const KEY_LINE = /^([A-Za-z][A-Za-z0-9 _-]{0,40}?)\s*:\s?(.*)$/;

/**
 * Reads `Key: value` lines. Keys are case-insensitive; a value continues on the following lines
 * that start with a space or tab (Description and Action may span lines); lines that are no known
 * key are ignored, and so are quoted lines (`>`) and everything after a `-- ` signature line.
 */
export function parseMailBody(text: string): ParsedMailBody {
  const values = new Map<FieldName, string[]>();
  const duplicates = new Set<FieldName>();
  let current: string[] | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (line === '-- ' || line === '--') {
      break;
    }
    if (/^[ \t]/.test(line) && current !== null && line.trim() !== '') {
      current.push(line.trim());
      continue;
    }
    current = null;
    if (line.startsWith('>')) {
      continue;
    }
    const match = KEY_LINE.exec(line);
    const field = match === null ? undefined : KEYS.get(keySlug(match[1] ?? ''));
    if (match === null || field === undefined) {
      continue;
    }
    if (values.has(field)) {
      duplicates.add(field);
      continue;
    }
    current = [(match[2] ?? '').trim()];
    values.set(field, current);
  }
  const fields: RawFields = {};
  for (const [field, lines] of values) {
    fields[field] = lines.join('\n').trim();
  }
  return { fields, duplicates: FIELD_NAMES.filter((field) => duplicates.has(field)) };
}
